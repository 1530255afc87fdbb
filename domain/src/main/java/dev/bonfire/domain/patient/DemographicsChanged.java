package dev.bonfire.domain.patient;

/** A patient's demographics were replaced. */
public record DemographicsChanged(
        String patientId,
        Demographics demographics) implements PatientEvent {
}
