package dev.bonfire.domain.observation;

import static dev.bonfire.domain.Samples.OTHER_PATIENT;
import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.command;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.loinc;
import static dev.bonfire.domain.Samples.otherTenant;
import static dev.bonfire.domain.Samples.quantity;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordNotFoundException;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservationTest {

    private static final String OBSERVATION = "observation-1";

    private AggregateTestFixture<Observation> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(Observation.class);
    }

    private static RecordObservation recordObservation() {
        return new RecordObservation(OBSERVATION, PATIENT, "encounter-1", "final",
                List.of(new CodeableConcept(List.of(), "vital-signs")),
                loinc("8310-5", "Body temperature"),
                ClinicalDateTime.of("2019-03-01T10:00:00+01:00"),
                ClinicalDateTime.of("2019-03-01T10:05:00+01:00"),
                ObservationValue.of(quantity("37.50", "Cel")),
                List.of());
    }

    private static ObservationRecorded recorded() {
        RecordObservation c = recordObservation();
        return new ObservationRecorded(c.observationId(), c.patientId(), c.encounterId(), c.status(), c.categories(), c.code(),
                c.effective(), c.issued(), c.value(), c.components());
    }

    private static final ObservationMarkedEnteredInError WITHDRAWN =
            new ObservationMarkedEnteredInError(OBSERVATION, PATIENT, "wrong patient");

    @Test
    void recordObservation_recordsObservationRecorded_withEveryFieldAndTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(recordObservation(), author())
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(recorded(), author()));
    }

    @Test
    void recordObservation_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(recordObservation())
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void amendObservation_recordsObservationAmended_withANewValue() {
        fixture.given(event(recorded(), author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, ObservationValue.of(quantity("37.80", "Cel")), null,
                        "transcription error", null), colleague())
                .expectEvents(event(new ObservationAmended(OBSERVATION, PATIENT, ObservationValue.of(quantity("37.80", "Cel")),
                        List.of(), "transcription error"), colleague()));
    }

    @Test
    void amendObservation_recordsObservationAmended_withComponentsOnly() {
        List<ObservationComponent> bloodPressure = List.of(
                new ObservationComponent(loinc("8480-6", "Systolic blood pressure"), ObservationValue.of(quantity("120", "mm[Hg]"))),
                new ObservationComponent(loinc("8462-4", "Diastolic blood pressure"), ObservationValue.of(quantity("80", "mm[Hg]"))));
        fixture.given(event(recorded(), author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, null, bloodPressure, "wrong code", null), author())
                .expectEvents(new ObservationAmended(OBSERVATION, PATIENT, null, bloodPressure, "wrong code"));
    }

    @Test
    void amendObservation_isAccepted_againAfterAnEarlierAmendment() {
        fixture.given(event(recorded(), author()),
                        event(new ObservationAmended(OBSERVATION, PATIENT, ObservationValue.ofText("n/a"), List.of(), "first"), author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, ObservationValue.ofText("ok"), null, "second", 1L), author())
                .expectEvents(new ObservationAmended(OBSERVATION, PATIENT, ObservationValue.ofText("ok"), List.of(), "second"));
    }

    @Test
    void amendObservation_isRejected_whenEnteredInError() {
        fixture.given(event(recorded(), author()), event(WITHDRAWN, author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, ObservationValue.ofText("ok"), null, "late fix", null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void amendObservation_isNotFound_forAnotherTenant() {
        fixture.given(event(recorded(), author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, ObservationValue.ofText("ok"), null, "fix", null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void amendObservation_isNotFound_forAnotherTenant_evenWhenEnteredInError() {
        fixture.given(event(recorded(), author()), event(WITHDRAWN, author()))
                .when(new AmendObservation(OBSERVATION, PATIENT, ObservationValue.ofText("ok"), null, "fix", null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void amendObservation_isNotFound_forAnotherPatient() {
        fixture.given(event(recorded(), author()))
                .when(new AmendObservation(OBSERVATION, OTHER_PATIENT, ObservationValue.ofText("ok"), null, "fix", null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void markObservationEnteredInError_recordsObservationMarkedEnteredInError() {
        fixture.given(event(recorded(), author()))
                .when(new MarkObservationEnteredInError(OBSERVATION, PATIENT, "wrong patient", 0L), colleague())
                .expectEvents(event(WITHDRAWN, colleague()));
    }

    @Test
    void markObservationEnteredInError_isRejected_whenAlreadyEnteredInError() {
        fixture.given(event(recorded(), author()), event(WITHDRAWN, author()))
                .when(new MarkObservationEnteredInError(OBSERVATION, PATIENT, "again", null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void markObservationEnteredInError_isRejected_whenAlreadyEnteredInError_throughTheCommandBus() {
        fixture.givenCommands(
                        command(recordObservation(), author()),
                        command(new MarkObservationEnteredInError(OBSERVATION, PATIENT, "wrong patient", null), author()))
                .when(new MarkObservationEnteredInError(OBSERVATION, PATIENT, "again", null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void markObservationEnteredInError_isNotFound_forAnotherTenant() {
        fixture.given(event(recorded(), author()))
                .when(new MarkObservationEnteredInError(OBSERVATION, PATIENT, "wrong patient", null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void markObservationEnteredInError_isNotFound_forAnotherPatient() {
        fixture.given(event(recorded(), author()))
                .when(new MarkObservationEnteredInError(OBSERVATION, OTHER_PATIENT, "wrong patient", null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }
}
