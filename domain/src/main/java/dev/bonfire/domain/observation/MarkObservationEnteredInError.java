package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws an observation that should never have been recorded. */
public record MarkObservationEnteredInError(
        @TargetAggregateIdentifier String observationId,
        String patientId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements ObservationCommand {

    public MarkObservationEnteredInError {
        Require.present(observationId, "observationId");
        Require.present(patientId, "patientId");
        Require.present(reason, "reason");
    }

    @Override
    public String recordId() {
        return observationId;
    }
}
