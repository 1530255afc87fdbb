package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.ClinicalDateTime;

/** A condition's clinical status changed. */
public record ConditionClinicalStatusChanged(
        String conditionId,
        String patientId,
        String clinicalStatus,
        ClinicalDateTime abatement) implements ConditionEvent {
}
