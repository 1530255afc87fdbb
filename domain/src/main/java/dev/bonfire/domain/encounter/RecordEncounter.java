package dev.bonfire.domain.encounter;

import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an encounter between the patient and the care provider. */
public record RecordEncounter(
        @TargetAggregateIdentifier String encounterId,
        String patientId,
        String status,
        Coding encounterClass,
        List<CodeableConcept> types,
        Period period,
        List<CodeableConcept> reasons,
        List<Reference> participants,
        Reference serviceProvider,
        Reference location) implements EncounterCommand, CreatesRecord {

    public RecordEncounter {
        Require.present(encounterId, "encounterId");
        Require.present(patientId, "patientId");
        Require.oneOf(status, "status", EncounterStatus.CODES);
        Require.present(encounterClass, "encounterClass");
        types = Require.list(types);
        reasons = Require.list(reasons);
        participants = Require.list(participants);
    }

    @Override
    public String recordId() {
        return encounterId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ENCOUNTER;
    }
}
