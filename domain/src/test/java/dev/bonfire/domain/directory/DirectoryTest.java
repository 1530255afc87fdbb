package dev.bonfire.domain.directory;

import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.event;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.Reference;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    private static final MetaData NO_TENANT = MetaData.with(MetadataKeys.ACTOR_ID, "admin-1");

    private static final RegisterPractitioner REGISTER_PRACTITIONER = new RegisterPractitioner("practitioner-1",
            List.of(new HumanName("official", "Smith", List.of("Alex"), List.of("Dr."), null)),
            List.of(new Identifier("http://hl7.org/fhir/sid/us-npi", "1234567893", "NPI")));
    private static final RegisterOrganization REGISTER_ORGANIZATION = new RegisterOrganization("organization-1",
            "Riverside Clinic", List.of(new Identifier("urn:example:org", "RC-1", null)));
    private static final RegisterLocation REGISTER_LOCATION = new RegisterLocation("location-1", "Ward 3",
            List.of(), Reference.to("Organization", "organization-1"));

    @Test
    void registerPractitioner_recordsPractitionerRegistered_withTheCallerInItsMetadata() {
        Samples.fixture(Practitioner.class).givenNoPriorActivity()
                .when(REGISTER_PRACTITIONER, author())
                .expectEvents(event(new PractitionerRegistered("practitioner-1", REGISTER_PRACTITIONER.names(),
                        REGISTER_PRACTITIONER.identifiers()), author()));
    }

    @Test
    void registerPractitioner_isRejected_whenTheCommandCarriesNoTenant() {
        Samples.fixture(Practitioner.class).givenNoPriorActivity()
                .when(REGISTER_PRACTITIONER, NO_TENANT)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void registerOrganization_recordsOrganizationRegistered_withTheCallerInItsMetadata() {
        Samples.fixture(Organization.class).givenNoPriorActivity()
                .when(REGISTER_ORGANIZATION, author())
                .expectEvents(event(new OrganizationRegistered("organization-1", "Riverside Clinic",
                        REGISTER_ORGANIZATION.identifiers()), author()));
    }

    @Test
    void registerOrganization_isRejected_whenTheCommandCarriesNoTenant() {
        Samples.fixture(Organization.class).givenNoPriorActivity()
                .when(REGISTER_ORGANIZATION, NO_TENANT)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void registerLocation_recordsLocationRegistered_withTheCallerInItsMetadata() {
        Samples.fixture(Location.class).givenNoPriorActivity()
                .when(REGISTER_LOCATION, author())
                .expectEvents(event(new LocationRegistered("location-1", "Ward 3", List.of(),
                        Reference.to("Organization", "organization-1")), author()));
    }

    @Test
    void registerLocation_isRejected_whenTheCommandCarriesNoTenant() {
        Samples.fixture(Location.class).givenNoPriorActivity()
                .when(REGISTER_LOCATION, NO_TENANT)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    private static final EnrollClinician ENROLL_CLINICIAN = new EnrollClinician("clinician-1", "user-7",
            List.of(new HumanName("official", "Lee", List.of("Sam"), List.of(), null)));

    @Test
    void enrollClinician_recordsClinicianEnrolled_withTheCallerInItsMetadata() {
        Samples.fixture(Clinician.class).givenNoPriorActivity()
                .when(ENROLL_CLINICIAN, author())
                .expectEvents(event(new ClinicianEnrolled("clinician-1", "user-7", ENROLL_CLINICIAN.names()), author()));
    }

    @Test
    void enrollClinician_isRejected_whenTheCommandCarriesNoTenant() {
        Samples.fixture(Clinician.class).givenNoPriorActivity()
                .when(ENROLL_CLINICIAN, NO_TENANT)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }
}
