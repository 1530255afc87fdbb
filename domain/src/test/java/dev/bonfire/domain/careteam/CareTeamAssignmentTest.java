package dev.bonfire.domain.careteam;

import static dev.bonfire.domain.Samples.OTHER_PATIENT;
import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.otherTenant;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CareTeamAssignmentTest {

    private static final String ASSIGNMENT = "assignment-1";
    private static final AssignedToCareTeam ASSIGNED = new AssignedToCareTeam(ASSIGNMENT, PATIENT, "user-7");
    private static final CareTeamAssignmentEnded ENDED = new CareTeamAssignmentEnded(ASSIGNMENT, PATIENT, "moved ward");

    private AggregateTestFixture<CareTeamAssignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(CareTeamAssignment.class);
    }

    @Test
    void assignToCareTeam_recordsAssignedToCareTeam_withTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(new AssignToCareTeam(ASSIGNMENT, PATIENT, "user-7"), author())
                .expectEvents(event(ASSIGNED, author()));
    }

    @Test
    void assignToCareTeam_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(new AssignToCareTeam(ASSIGNMENT, PATIENT, "user-7"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void endCareTeamAssignment_recordsCareTeamAssignmentEnded() {
        fixture.given(event(ASSIGNED, author()))
                .when(new EndCareTeamAssignment(ASSIGNMENT, PATIENT, "moved ward", 0L), colleague())
                .expectEvents(event(ENDED, colleague()));
    }

    @Test
    void endCareTeamAssignment_isRejected_whenAlreadyEnded() {
        fixture.given(event(ASSIGNED, author()), event(ENDED, author()))
                .when(new EndCareTeamAssignment(ASSIGNMENT, PATIENT, null, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void endCareTeamAssignment_isNotFound_forAnotherTenant() {
        fixture.given(event(ASSIGNED, author()))
                .when(new EndCareTeamAssignment(ASSIGNMENT, PATIENT, null, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void endCareTeamAssignment_isNotFound_forAnotherPatient() {
        fixture.given(event(ASSIGNED, author()))
                .when(new EndCareTeamAssignment(ASSIGNMENT, OTHER_PATIENT, null, null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }
}
