package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import java.util.List;

/** A condition was recorded. */
public record ConditionRecorded(
        String conditionId,
        String patientId,
        String encounterId,
        String clinicalStatus,
        String verificationStatus,
        List<CodeableConcept> categories,
        CodeableConcept code,
        ClinicalDateTime onset,
        ClinicalDateTime abatement,
        ClinicalDateTime recordedDate) implements ConditionEvent {
}
