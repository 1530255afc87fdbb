package dev.bonfire.domain.directory;

/** Every event of the directory aggregate; stored names are frozen (see the event manifest test). */
public sealed interface DirectoryEvent permits ClinicianEnrolled, LocationRegistered, OrganizationRegistered, PractitionerRegistered {
}
