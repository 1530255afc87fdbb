package dev.bonfire.domain.consent;

import dev.bonfire.domain.common.Period;

/** A patient granted consent for a purpose of use. */
public record ConsentGranted(
        String consentId,
        String patientId,
        String purpose,
        Period period,
        String actorUserId) implements ConsentEvent {
}
