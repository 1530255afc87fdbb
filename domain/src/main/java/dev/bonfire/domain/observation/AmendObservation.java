package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces an observation's result after it was released; the reason is kept. */
public record AmendObservation(
        @TargetAggregateIdentifier String observationId,
        String patientId,
        ObservationValue value,
        List<ObservationComponent> components,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements ObservationCommand {

    public AmendObservation {
        Require.present(observationId, "observationId");
        Require.present(patientId, "patientId");
        Require.present(reason, "reason");
        components = Require.list(components);
        if (value == null && components.isEmpty()) {
            throw new InvalidCommandException("an amendment needs a value or components");
        }
    }

    @Override
    public String recordId() {
        return observationId;
    }
}
