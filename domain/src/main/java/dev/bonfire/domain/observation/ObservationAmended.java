package dev.bonfire.domain.observation;

import java.util.List;

/** An observation's result was amended. */
public record ObservationAmended(
        String observationId,
        String patientId,
        ObservationValue value,
        List<ObservationComponent> components,
        String reason) implements ObservationEvent {
}
