package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves a condition to another clinical status (for example resolved, with when it abated). */
public record ChangeConditionClinicalStatus(
        @TargetAggregateIdentifier String conditionId,
        String patientId,
        String clinicalStatus,
        ClinicalDateTime abatement,
        @TargetAggregateVersion Long expectedVersion) implements ConditionCommand {

    public ChangeConditionClinicalStatus {
        Require.present(conditionId, "conditionId");
        Require.present(patientId, "patientId");
        Require.oneOf(clinicalStatus, "clinicalStatus", ConditionStatus.CLINICAL);
    }

    @Override
    public String recordId() {
        return conditionId;
    }
}
