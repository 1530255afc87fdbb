package dev.bonfire.query.http;

import static dev.bonfire.query.testing.Samples.condition;
import static dev.bonfire.query.testing.Samples.encounter;
import static dev.bonfire.query.testing.Samples.glucose;
import static dev.bonfire.query.testing.Samples.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.condition.ConditionMarkedEnteredInError;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.access.GatedAccess;
import dev.bonfire.policy.access.QueryDigests;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.query.api.ConditionDetails;
import dev.bonfire.query.api.EncounterDetails;
import dev.bonfire.query.api.PatientDetails;
import dev.bonfire.query.api.PatientSummary;
import dev.bonfire.query.read.ConditionQueries;
import dev.bonfire.query.read.EncounterQueries;
import dev.bonfire.query.read.ObservationQueries;
import dev.bonfire.query.read.PatientHistory;
import dev.bonfire.query.read.PatientQueries;
import dev.bonfire.query.testing.ReadModelFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's methods called directly (no HTTP server; the app tests the wire), with the real gate
 * over real policy state. The query services get their connections through a counter, so a test can
 * tell that a refused read never reached a query.
 */
class PatientControllerTest {

    private static final Caller CLINICIAN_A = new Caller("tenant-a", "dr-1", RolePolicy.CLINICIAN, "TREAT", "test-app");
    private static final Caller FRONT_DESK_A = new Caller("tenant-a", "fd-1", RolePolicy.FRONT_DESK, "TREAT", "test-app");
    private static final Caller CLINICIAN_B = new Caller("tenant-b", "dr-2", RolePolicy.CLINICIAN, "TREAT", "test-app");

    private static ReadModelFixture fixture;
    private static PatientController controller;
    private static final AtomicInteger queryConnections = new AtomicInteger();
    private static final List<AccessRecorded> accessRecords = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void givenTwoTenants() {
        fixture = ReadModelFixture.start();
        ConnectionProvider counted = () -> {
            queryConnections.incrementAndGet();
            return fixture.transactions().getConnection();
        };
        AccessGate gate = fixture.gate();
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(events -> events.forEach(event -> accessRecords.add((AccessRecorded) event.getPayload())));
        AccessLog log = new AccessLog(bus, fixture.transactions(), Clock.systemUTC());
        GatedAccess gated = new GatedAccess(gate, log, new QueryDigests(fixture.transactions()), fixture.transactions());
        controller = new PatientController(gated, new PatientQueries(counted), new EncounterQueries(counted),
                new ObservationQueries(counted), new ConditionQueries(counted), new PatientHistory(counted, null));

        fixture.record("tenant-a", "p-1", patient("p-1", "Adams", "Beth", "1960-03"));
        fixture.record("tenant-a", "p-2", patient("p-2", "Brown", "Carl", null));
        fixture.record("tenant-a", "enc-1", encounter("enc-1", "p-1", "2024-03-05", "2024-03-05"));
        fixture.record("tenant-a", "obs-1", glucose("obs-1", "p-1", "1.50", "2024-03"));
        fixture.record("tenant-a", "cond-1", condition("cond-1", "p-1", "44054006", "2019"));
        fixture.record("tenant-a", "cond-2", condition("cond-2", "p-1", "38341003", "2020-06"));
        fixture.record("tenant-a", "cond-2", new ConditionMarkedEnteredInError("cond-2", "p-1", "duplicate"));
        fixture.record("tenant-a", "asg-1", new AssignedToCareTeam("asg-1", "p-1", "dr-1"));
        fixture.record("tenant-b", "p-9", patient("p-9", "Zed", "Other", "1970"));
        fixture.record("tenant-b", "asg-9", new AssignedToCareTeam("asg-9", "p-9", "dr-2"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void resetCounter() {
        queryConnections.set(0);
        accessRecords.clear();
    }

    @Test
    void aClinician_listsOnlyThePatientsOfTheirCareTeam_andTheTotalCountsNoOther() {
        var page = controller.list(CLINICIAN_A, null, null, null, null);

        assertThat(page.items()).extracting(PatientSummary::id).containsExactly("p-1");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void frontDesk_listsEveryPatientOfTheTenant_andNoneOfAnother() {
        var page = controller.list(FRONT_DESK_A, null, null, null, null);

        assertThat(page.items()).extracting(PatientSummary::id).containsExactly("p-1", "p-2");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void aClinician_isDeniedAPatientOutsideTheirCareTeam_andNoQueryRuns() {
        assertThatThrownBy(() -> controller.get(CLINICIAN_A, "p-2", null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.decision().rule()).isEqualTo(AccessGate.PATIENT_SCOPE));
        assertThatThrownBy(() -> controller.observations(CLINICIAN_A, "p-2", null, null, null, null, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(queryConnections).hasValue(0);
        assertThat(accessRecords).extracting(AccessRecorded::outcome, AccessRecorded::rule, AccessRecorded::resultCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Decision.Outcome.DENY, AccessGate.PATIENT_SCOPE, 0),
                        org.assertj.core.groups.Tuple.tuple(Decision.Outcome.DENY, AccessGate.PATIENT_SCOPE, 0));
    }

    @Test
    void aClinician_readsAPatientsDetail() {
        PatientDetails details = controller.get(CLINICIAN_A, "p-1", null);

        assertThat(details.id()).isEqualTo("p-1");
        assertThat(details.birthDate()).isEqualTo("1960-03");
        assertThat(accessRecords).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(Decision.Outcome.PERMIT);
            assertThat(record.door()).isEqualTo("GET /api/patients/{id}");
            assertThat(record.recordIds()).containsExactly("p-1");
            assertThat(record.patientIds()).containsExactly("p-1");
            assertThat(record.resultCount()).isEqualTo(1);
        });
    }

    @Test
    void aPatientOfAnotherTenant_answersExactlyLikeOneThatNeverExisted_andNoQueryRuns() {
        AccessDeniedException foreign = catchThrowableOfType(() -> controller.get(CLINICIAN_A, "p-9", null), AccessDeniedException.class);
        AccessDeniedException unknown = catchThrowableOfType(() -> controller.get(CLINICIAN_A, "nobody", null), AccessDeniedException.class);

        assertThat(foreign.decision().outcome()).isEqualTo(Decision.Outcome.NOT_FOUND);
        assertThat(foreign.decision()).isEqualTo(unknown.decision());
        assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage());
        assertThat(queryConnections).hasValue(0);
    }

    @Test
    void theClinicalListsOfAPatientOfAnotherTenant_areNotFound_too() {
        assertThatThrownBy(() -> controller.observations(CLINICIAN_B, "p-1", null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NOT_FOUND));
        assertThatThrownBy(() -> controller.encounters(CLINICIAN_B, "p-1", null, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> controller.conditions(CLINICIAN_B, "p-1", null, null, null, null, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(queryConnections).hasValue(0);
    }

    @Test
    void frontDesk_readsDemographics_butIsDeniedObservations_andNoQueryRuns() {
        assertThat(controller.get(FRONT_DESK_A, "p-1", null).id()).isEqualTo("p-1");
        queryConnections.set(0);

        assertThatThrownBy(() -> controller.observations(FRONT_DESK_A, "p-1", null, null, null, null, null, null, null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.DENY);
                    assertThat(e.decision().rule()).isEqualTo("minimum-necessary");
                });
        assertThat(queryConnections).hasValue(0);
    }

    @Test
    void aCallerWithoutAPurpose_isDenied() {
        Caller noPurpose = new Caller("tenant-a", "dr-1", RolePolicy.CLINICIAN, null, "test-app");

        assertThatThrownBy(() -> controller.list(noPurpose, null, null, null, null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.decision().rule()).isEqualTo("caller-complete"));
        assertThat(queryConnections).hasValue(0);
    }

    @Test
    void aClinician_listsEncountersObservationsAndConditions_ofThePatient() {
        assertThat(controller.encounters(CLINICIAN_A, "p-1", null, null, null).items()).extracting(EncounterDetails::id).containsExactly("enc-1");
        var observations = controller.observations(CLINICIAN_A, "p-1", "http://loinc.org|15074-8", "2024-03-10", "2024-03-20", null, null, null, null);
        assertThat(observations.items()).hasSize(1);
        assertThat(observations.items().get(0).value().quantity().value()).isEqualTo("1.50");
        assertThat(controller.conditions(CLINICIAN_A, "p-1", null, null, null, null, null, null, null).items())
                .extracting(ConditionDetails::id).containsExactly("cond-1");
        assertThat(controller.conditions(CLINICIAN_A, "p-1", null, null, null, "true", null, null, null).items())
                .extracting(ConditionDetails::id).containsExactly("cond-2", "cond-1");
    }

    @Test
    void aMalformedParameter_isInvalid_beforeTheGateOrAnyQuery() {
        assertThatThrownBy(() -> controller.observations(CLINICIAN_A, "p-1", null, "2024-3-1", null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessageStartingWith("from must be a FHIR date");
        assertThatThrownBy(() -> controller.list(CLINICIAN_A, null, "1000", null, null))
                .isInstanceOf(InvalidCommandException.class).hasMessage("limit must be between 1 and 200, was 1000");
        assertThatThrownBy(() -> controller.encounters(CLINICIAN_A, "p-1", null, "-5", null)).isInstanceOf(InvalidCommandException.class);
        assertThat(queryConnections).hasValue(0);
    }
}
