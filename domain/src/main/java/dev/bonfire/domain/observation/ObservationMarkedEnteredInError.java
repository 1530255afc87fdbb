package dev.bonfire.domain.observation;

/** An observation was marked entered-in-error. */
public record ObservationMarkedEnteredInError(
        String observationId,
        String patientId,
        String reason) implements ObservationEvent {
}
