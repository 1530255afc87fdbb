package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import java.util.List;

/** An observation was recorded. */
public record ObservationRecorded(
        String observationId,
        String patientId,
        String encounterId,
        String status,
        List<CodeableConcept> categories,
        CodeableConcept code,
        ClinicalDateTime effective,
        ClinicalDateTime issued,
        ObservationValue value,
        List<ObservationComponent> components) implements ObservationEvent {
}
