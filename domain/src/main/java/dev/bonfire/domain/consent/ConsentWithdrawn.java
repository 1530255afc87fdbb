package dev.bonfire.domain.consent;

/** A patient withdrew a consent. */
public record ConsentWithdrawn(
        String consentId,
        String patientId,
        String reason) implements ConsentEvent {
}
