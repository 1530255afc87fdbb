package dev.bonfire.domain.breakglass;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens emergency access to a patient outside the caller's care team, for a limited time, with a stated reason; flagged loudly in the access log. */
public record BreakGlass(
        @TargetAggregateIdentifier String breakGlassId,
        String patientId,
        String reason) implements BreakGlassCommand, CreatesRecord {

    public BreakGlass {
        Require.present(breakGlassId, "breakGlassId");
        Require.present(patientId, "patientId");
        Require.present(reason, "reason");
        if (reason.strip().length() < 10) {
            throw new dev.bonfire.domain.common.InvalidCommandException("a break-the-glass reason must say why (at least 10 characters)");
        }
    }

    @Override
    public String recordId() {
        return breakGlassId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.BREAK_GLASS;
    }
}
