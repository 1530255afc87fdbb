package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the directory aggregate. */
public sealed interface DirectoryCommand extends ClinicalCommand permits EnrollClinician, RegisterLocation, RegisterOrganization, RegisterPractitioner {
}
