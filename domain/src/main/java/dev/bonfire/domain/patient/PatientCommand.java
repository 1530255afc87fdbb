package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the patient aggregate. */
public sealed interface PatientCommand extends ClinicalCommand permits ChangeDemographics, RecordDeath, RegisterPatient {
}
