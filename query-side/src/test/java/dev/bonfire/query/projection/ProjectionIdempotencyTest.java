package dev.bonfire.query.projection;

import static dev.bonfire.query.schema.Tables.CONDITION_VIEW;
import static dev.bonfire.query.schema.Tables.ENCOUNTER_VIEW;
import static dev.bonfire.query.schema.Tables.OBSERVATION_VIEW;
import static dev.bonfire.query.schema.Tables.PATIENT_VIEW;
import static dev.bonfire.query.testing.Samples.bloodPressure;
import static dev.bonfire.query.testing.Samples.condition;
import static dev.bonfire.query.testing.Samples.date;
import static dev.bonfire.query.testing.Samples.demographics;
import static dev.bonfire.query.testing.Samples.encounter;
import static dev.bonfire.query.testing.Samples.glucose;
import static dev.bonfire.query.testing.Samples.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.condition.ConditionClinicalStatusChanged;
import dev.bonfire.domain.observation.ObservationAmended;
import dev.bonfire.domain.observation.ObservationMarkedEnteredInError;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.domain.patient.DeathRecorded;
import dev.bonfire.domain.patient.DemographicsChanged;
import dev.bonfire.query.testing.ReadModelFixture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionIdempotencyTest {

    private static final String A = "tenant-a";
    private static final String B = "tenant-b";
    private static final List<Table<?>> VIEWS = List.of(PATIENT_VIEW, ENCOUNTER_VIEW, OBSERVATION_VIEW, CONDITION_VIEW);

    private ReadModelFixture fixture;
    private TrackedEventMessage<?> registered;
    private TrackedEventMessage<?> amended;

    @BeforeEach
    void givenAHistoryOfTwoTenants() {
        fixture = ReadModelFixture.start();
        registered = fixture.record(A, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));
        fixture.record(A, "pat-1", new DemographicsChanged("pat-1", demographics("Smith", "Anne", "1980-07-14")));
        fixture.record(A, "enc-1", encounter("enc-1", "pat-1", "2024-03-05T09:00:00+01:00", null));
        fixture.record(A, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));
        amended = fixture.record(A, "obs-1", new ObservationAmended("obs-1", "pat-1",
                ObservationValue.ofText("see comment"), List.of(), "typo"));
        fixture.record(A, "obs-2", bloodPressure("obs-2", "pat-1", "2024-03-05T08:15:00+01:00"));
        fixture.record(A, "obs-2", new ObservationMarkedEnteredInError("obs-2", "pat-1", "wrong patient"));
        fixture.record(A, "cond-1", condition("cond-1", "pat-1", "44054006", "2019"));
        fixture.record(A, "cond-1", new ConditionClinicalStatusChanged("cond-1", "pat-1", "resolved", date("2024-02")));
        fixture.record(A, "pat-1", new DeathRecorded("pat-1", date("2024-03-01T23:30:00-05:00")));
        fixture.record(B, "pat-9", patient("pat-9", "Other", "Bea", "1990"));
        fixture.record(B, "obs-9", glucose("obs-9", "pat-9", "7.00", "2024-03-02"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Map<String, List<Map<String, Object>>> everyRow() {
        Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
        for (String tenant : List.of(A, B)) {
            for (Table<?> view : VIEWS) {
                rows.put(tenant + "/" + view.getName(), fixture.rows(tenant, view));
            }
        }
        return rows;
    }

    @Test
    void theSameEventDeliveredTwice_changesNothing() {
        var before = everyRow();

        fixture.deliver(amended);
        fixture.deliver(registered);

        assertThat(everyRow()).isEqualTo(before);
    }

    @Test
    void anOlderEventDeliveredAfterANewerOne_isNotApplied() {
        var before = everyRow();

        // the registration (position 1) again after the death (position 10): the row keeps the newer state
        fixture.deliver(registered);

        assertThat(everyRow()).isEqualTo(before);
        assertThat(fixture.rows(A, PATIENT_VIEW).get(0)).containsEntry("deceased", true).containsEntry("given", "Anne");
    }

    @Test
    void aReplayFromScratch_rebuildsIdenticalRows() {
        var before = everyRow();
        assertThat(before.get(A + "/observation_view")).hasSize(2);

        fixture.replayFromScratch();

        assertThat(everyRow()).isEqualTo(before);
    }

    @Test
    void aProjectorsResetHandler_emptiesItsOwnView_forEveryTenant() {
        var adapter = new AnnotationEventHandlerAdapter(new PatientViewProjector(fixture.transactions()));

        fixture.transactions().executeInTransaction(adapter::prepareReset);

        assertThat(fixture.rows(A, PATIENT_VIEW)).isEmpty();
        assertThat(fixture.rows(B, PATIENT_VIEW)).isEmpty();
        assertThat(fixture.rows(A, OBSERVATION_VIEW)).hasSize(2);
    }

    @Test
    void rowsOfTenantA_areInvisible_withTenantBBound() {
        assertThat(fixture.rows(A, PATIENT_VIEW)).hasSize(1);

        for (Table<?> view : VIEWS) {
            // no tenant filter in this query: row-level security alone hides tenant A
            List<String> tenantsSeenByB = fixture.inTenant(B, dsl -> dsl.select(view.field("tenant_id", String.class))
                    .from(view).fetch(0, String.class));
            assertThat(tenantsSeenByB).as(view.getName()).doesNotContain(A);
        }
        int observationsSeenByB = fixture.inTenant(B, dsl -> dsl.fetchCount(OBSERVATION_VIEW));
        assertThat(observationsSeenByB).isEqualTo(1);
    }

    @Test
    void withNoTenantBound_noRowIsVisible() {
        for (Table<?> view : VIEWS) {
            int visible = fixture.inTenant(null, dsl -> dsl.fetchCount(view));
            assertThat(visible).as(view.getName()).isZero();
        }
    }

    @Test
    void aRowOfTenantA_cannotBeWritten_withTenantBBound() {
        int updated = fixture.inTenant(B, dsl -> dsl.update(PATIENT_VIEW)
                .set(PATIENT_VIEW.FAMILY, "Hacked")
                .where(PATIENT_VIEW.ID.eq("pat-1"))
                .execute());
        assertThat(updated).isZero();
        assertThat(fixture.rows(A, PATIENT_VIEW).get(0)).containsEntry("family", "Smith");

        assertThatThrownBy(() -> fixture.inTenant(B, dsl -> dsl.insertInto(PATIENT_VIEW)
                .set(PATIENT_VIEW.TENANT_ID, A).set(PATIENT_VIEW.ID, "pat-x")
                .set(PATIENT_VIEW.NAMES, JSONB.valueOf("[]")).set(PATIENT_VIEW.NAME_SEARCH, "x")
                .set(PATIENT_VIEW.DECEASED, false).set(PATIENT_VIEW.IDENTIFIERS, JSONB.valueOf("[]"))
                .set(PATIENT_VIEW.ADDRESSES, JSONB.valueOf("[]")).set(PATIENT_VIEW.TELECOM, JSONB.valueOf("[]"))
                .set(PATIENT_VIEW.LAST_EVENT_POSITION, 99L)
                .execute()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void anEventWithoutATenant_isRefused_andWritesNothing() {
        var before = everyRow();

        assertThatThrownBy(() -> fixture.deliverToReadModels(fixture.message(null, "pat-2", patient("pat-2", "No", "Tenant", null), 100)))
                .hasMessageContaining("no tenant");

        assertThat(everyRow()).isEqualTo(before);
    }

    @Test
    void anUntrackedEvent_isRefused_becauseIdempotencyNeedsItsPosition() {
        EventMessage<?> untracked = new GenericDomainEventMessage<>("patient", "pat-3", 0,
                patient("pat-3", "Un", "Tracked", null), Map.of("tenant", A));
        var adapter = new AnnotationEventHandlerAdapter(new PatientViewProjector(fixture.transactions()));

        assertThatThrownBy(() -> fixture.transactions().executeInTransaction(() -> {
            try {
                adapter.handle(untracked);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).hasMessageContaining("tracking");
    }
}
