package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.ClinicalDateTime;

/** A patient's death was recorded. */
public record DeathRecorded(
        String patientId,
        ClinicalDateTime deceasedAt) implements PatientEvent {
}
