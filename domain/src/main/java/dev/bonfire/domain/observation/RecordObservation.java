package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.ReferencesEncounter;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an observation: a vital sign, a lab result, a survey answer. Components carry multi-part results such as blood pressure. */
public record RecordObservation(
        @TargetAggregateIdentifier String observationId,
        String patientId,
        String encounterId,
        String status,
        List<CodeableConcept> categories,
        CodeableConcept code,
        ClinicalDateTime effective,
        ClinicalDateTime issued,
        ObservationValue value,
        List<ObservationComponent> components) implements ObservationCommand, CreatesRecord, ReferencesEncounter {

    public RecordObservation {
        Require.present(observationId, "observationId");
        Require.present(patientId, "patientId");
        Require.oneOf(status, "status", ObservationStatus.RECORDABLE);
        Require.present(code, "code");
        categories = Require.list(categories);
        components = Require.list(components);
    }

    @Override
    public String recordId() {
        return observationId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.OBSERVATION;
    }
}
