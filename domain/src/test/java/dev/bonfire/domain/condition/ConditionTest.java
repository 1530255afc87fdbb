package dev.bonfire.domain.condition;

import static dev.bonfire.domain.Samples.OTHER_PATIENT;
import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.otherTenant;

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

class ConditionTest {

    private static final String CONDITION = "condition-1";
    private static final CodeableConcept ASTHMA = CodeableConcept.of("http://snomed.info/sct", "195967001", "Asthma");

    private AggregateTestFixture<Condition> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(Condition.class);
    }

    private static RecordCondition recordCondition(String clinicalStatus) {
        return new RecordCondition(CONDITION, PATIENT, "encounter-1", clinicalStatus, "confirmed",
                List.of(new CodeableConcept(List.of(), "problem-list-item")), ASTHMA,
                ClinicalDateTime.of("1995"), null, ClinicalDateTime.of("2019-03-01"));
    }

    private static ConditionRecorded recorded(String clinicalStatus) {
        RecordCondition c = recordCondition(clinicalStatus);
        return new ConditionRecorded(c.conditionId(), c.patientId(), c.encounterId(), c.clinicalStatus(), c.verificationStatus(),
                c.categories(), c.code(), c.onset(), c.abatement(), c.recordedDate());
    }

    private static final ConditionMarkedEnteredInError WITHDRAWN =
            new ConditionMarkedEnteredInError(CONDITION, PATIENT, "recorded on the wrong chart");

    @Test
    void recordCondition_recordsConditionRecorded_withEveryFieldAndTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(recordCondition("active"), author())
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(recorded("active"), author()));
    }

    @Test
    void recordCondition_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(recordCondition("active"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void changeConditionClinicalStatus_recordsTheChange_withItsAbatement() {
        fixture.given(event(recorded("active"), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "resolved", ClinicalDateTime.of("2020-06"), 0L), colleague())
                .expectEvents(event(new ConditionClinicalStatusChanged(CONDITION, PATIENT, "resolved", ClinicalDateTime.of("2020-06")),
                        colleague()));
    }

    @Test
    void changeConditionClinicalStatus_isAccepted_whenRecordedWithoutAStatus() {
        fixture.given(event(recorded(null), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "active", null, null), author())
                .expectEvents(new ConditionClinicalStatusChanged(CONDITION, PATIENT, "active", null));
    }

    @Test
    void changeConditionClinicalStatus_isAccepted_backToAnEarlierStatus() {
        fixture.given(event(recorded("active"), author()),
                        event(new ConditionClinicalStatusChanged(CONDITION, PATIENT, "remission", null), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "active", null, null), author())
                .expectEvents(new ConditionClinicalStatusChanged(CONDITION, PATIENT, "active", null));
    }

    @Test
    void changeConditionClinicalStatus_isRejected_whenTheStatusIsUnchanged() {
        fixture.given(event(recorded("active"), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "active", null, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void changeConditionClinicalStatus_isRejected_whenTheStatusIsUnchangedSinceAnEarlierChange() {
        fixture.given(event(recorded("active"), author()),
                        event(new ConditionClinicalStatusChanged(CONDITION, PATIENT, "resolved", ClinicalDateTime.of("2020")), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "resolved", ClinicalDateTime.of("2020"), null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void changeConditionClinicalStatus_isRejected_whenEnteredInError() {
        fixture.given(event(recorded("active"), author()), event(WITHDRAWN, author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "resolved", null, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void changeConditionClinicalStatus_isNotFound_forAnotherTenant() {
        fixture.given(event(recorded("active"), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, PATIENT, "resolved", null, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void changeConditionClinicalStatus_isNotFound_forAnotherPatient() {
        fixture.given(event(recorded("active"), author()))
                .when(new ChangeConditionClinicalStatus(CONDITION, OTHER_PATIENT, "resolved", null, null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void markConditionEnteredInError_recordsConditionMarkedEnteredInError() {
        fixture.given(event(recorded("active"), author()))
                .when(new MarkConditionEnteredInError(CONDITION, PATIENT, "recorded on the wrong chart", null), author())
                .expectEvents(event(WITHDRAWN, author()));
    }

    @Test
    void markConditionEnteredInError_isRejected_whenAlreadyEnteredInError() {
        fixture.given(event(recorded("active"), author()), event(WITHDRAWN, author()))
                .when(new MarkConditionEnteredInError(CONDITION, PATIENT, "again", null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void markConditionEnteredInError_isNotFound_forAnotherTenant() {
        fixture.given(event(recorded("active"), author()))
                .when(new MarkConditionEnteredInError(CONDITION, PATIENT, "wrong chart", null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void markConditionEnteredInError_isNotFound_forAnotherPatient() {
        fixture.given(event(recorded("active"), author()))
                .when(new MarkConditionEnteredInError(CONDITION, OTHER_PATIENT, "wrong chart", null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }
}
