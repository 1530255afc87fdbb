package dev.bonfire.domain.patient;

/** Every event of the patient aggregate; stored names are frozen (see the event manifest test). */
public sealed interface PatientEvent permits DeathRecorded, DemographicsChanged, PatientRegistered {
}
