package dev.bonfire.domain.patient;

import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.command;
import static dev.bonfire.domain.Samples.correctedDemographics;
import static dev.bonfire.domain.Samples.demographics;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.otherTenant;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordNotFoundException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientTest {

    private AggregateTestFixture<Patient> fixture;

    private final PatientRegistered registered = new PatientRegistered(PATIENT, demographics());

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(Patient.class);
    }

    @Test
    void registerPatient_recordsPatientRegistered_withTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(PATIENT, demographics()), author())
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(registered, author()));
    }

    @Test
    void registerPatient_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPatient(PATIENT, demographics()), MetaData.with(MetadataKeys.ACTOR_ID, "someone"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void changeDemographics_recordsDemographicsChanged() {
        fixture.given(event(registered, author()))
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null), colleague())
                .expectEvents(new DemographicsChanged(PATIENT, correctedDemographics()));
    }

    @Test
    void changeDemographics_isAccepted_whenThePatientIsDeceased() {
        fixture.given(event(registered, author()), event(new DeathRecorded(PATIENT, ClinicalDateTime.of("2024-05")), author()))
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null), author())
                .expectEvents(new DemographicsChanged(PATIENT, correctedDemographics()));
    }

    @Test
    void changeDemographics_isNotFound_forAnotherTenant() {
        fixture.given(event(registered, author()))
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void changeDemographics_isNotFound_whenTheCommandCarriesNoTenant() {
        fixture.given(event(registered, author()))
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null))
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void changeDemographics_isNotFound_whenTheRecordWasStoredWithoutATenant() {
        fixture.given(registered)
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void changeDemographics_isNotFound_whenThePatientWasNeverRegistered() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDemographics(PATIENT, correctedDemographics(), null), author())
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void changeDemographics_isAccepted_whenTheExpectedVersionIsCurrent() {
        fixture.given(event(registered, author()), event(new DemographicsChanged(PATIENT, correctedDemographics()), author()))
                .when(new ChangeDemographics(PATIENT, demographics(), 1L), author())
                .expectEvents(new DemographicsChanged(PATIENT, demographics()));
    }

    @Test
    void changeDemographics_isRejected_whenTheExpectedVersionIsStale() {
        fixture.given(event(registered, author()), event(new DemographicsChanged(PATIENT, correctedDemographics()), author()))
                .when(new ChangeDemographics(PATIENT, demographics(), 0L), author())
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void recordDeath_recordsDeathRecorded_keepingAPartialDate() {
        fixture.given(event(registered, author()))
                .when(new RecordDeath(PATIENT, ClinicalDateTime.of("2024-05"), null), author())
                .expectEvents(event(new DeathRecorded(PATIENT, ClinicalDateTime.of("2024-05")), author()));
    }

    @Test
    void recordDeath_recordsDeathRecorded_whenOnlyTheFactIsKnown() {
        fixture.given(event(registered, author()))
                .when(new RecordDeath(PATIENT, null, null), author())
                .expectEvents(new DeathRecorded(PATIENT, null));
    }

    @Test
    void recordDeath_isRejected_whenAlreadyDeceased() {
        fixture.given(event(registered, author()), event(new DeathRecorded(PATIENT, null), author()))
                .when(new RecordDeath(PATIENT, ClinicalDateTime.of("2024-05-02"), null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void recordDeath_isNotFound_forAnotherTenant_evenWhenAlreadyDeceased() {
        fixture.given(event(registered, author()), event(new DeathRecorded(PATIENT, null), author()))
                .when(new RecordDeath(PATIENT, null, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void recordDeath_isNotFound_forAnotherTenant_afterRegistrationThroughTheCommandBus() {
        fixture.givenCommands(command(new RegisterPatient(PATIENT, demographics()), author()))
                .when(new RecordDeath(PATIENT, null, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void recordDeath_isRejected_whenAlreadyDeceased_afterCommandsThroughTheCommandBus() {
        fixture.givenCommands(
                        command(new RegisterPatient(PATIENT, demographics()), author()),
                        command(new RecordDeath(PATIENT, null, null), colleague()))
                .when(new RecordDeath(PATIENT, null, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }
}
