package dev.bonfire.domain.patient;

/** A patient was registered. */
public record PatientRegistered(
        String patientId,
        Demographics demographics) implements PatientEvent {
}
