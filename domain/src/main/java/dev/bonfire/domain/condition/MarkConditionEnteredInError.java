package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws a condition that should never have been recorded. */
public record MarkConditionEnteredInError(
        @TargetAggregateIdentifier String conditionId,
        String patientId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements ConditionCommand {

    public MarkConditionEnteredInError {
        Require.present(conditionId, "conditionId");
        Require.present(patientId, "patientId");
        Require.present(reason, "reason");
    }

    @Override
    public String recordId() {
        return conditionId;
    }
}
