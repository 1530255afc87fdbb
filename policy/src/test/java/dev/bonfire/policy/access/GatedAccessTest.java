package dev.bonfire.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read door's sequence over real policy state: decide, query with a permit, record, commit, then
 * answer. The event bus's subscriber writes each record to a table on the door's connection, so a
 * record counts only if the door's transaction committed it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatedAccessTest {

    private static final String TENANT = "tenant-g";
    private static final Caller FRONT_DESK = new Caller(TENANT, "desk-1", "front-desk", "TREAT", "app");
    private static final Caller IMPORTER = new Caller(TENANT, "loader", "importer", "TREAT", "app");
    private static final String DOOR = "GET /api/patients/{id}";

    private TestDatabase database;
    private ThreadBoundTransactions transactions;
    private GatedAccess gated;
    private volatile boolean failing;

    @BeforeAll
    void start() throws SQLException {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table recorded (outcome text not null, rule text not null, record_ids text not null)");
        }
        transactions.executeInTransaction(() -> {
            try (Connection connection = transactions.getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into policy_record (tenant_id, record_id, kind, patient_id, author_id) values (?, 'p-1', 'DEMOGRAPHICS', 'p-1', 'desk-1')")) {
                TenantSql.bind(connection, TENANT);
                insert.setString(1, TENANT);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(events -> events.forEach(event -> append((AccessRecorded) event.getPayload())));
        AccessGate gate = new AccessGate(new JdbcPolicyState(transactions), Clock.systemUTC());
        gated = new GatedAccess(gate, new AccessLog(bus, transactions, Clock.systemUTC()), new QueryDigests(transactions), transactions);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @BeforeEach
    void reset() throws SQLException {
        failing = false;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from recorded");
        }
    }

    @Test
    void aPermittedRead_isRecordedWithWhatItReturned_beforeTheAnswer_andItsPermitEndsWithIt() {
        AtomicReference<Permit> used = new AtomicReference<>();

        String answer = gated.read(request(FRONT_DESK), permit -> {
            used.set(permit);
            assertThat(permit.patientId()).isEqualTo("p-1");
            assertThat(permit.tenantId()).isEqualTo(TENANT);
            return Optional.of("demographics of p-1");
        }, result -> Disclosure.ofPatient("p-1", List.of("p-1")));

        assertThat(answer).isEqualTo("demographics of p-1");
        assertThat(committedRecords()).containsExactly("PERMIT/role-grant/[p-1]");
        assertThatThrownBy(() -> used.get().patientId()).isInstanceOf(IllegalStateException.class);
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void aRefusedRead_neverQueries_andItsRefusalIsCommitted() {
        AtomicBoolean queried = new AtomicBoolean();

        assertThatThrownBy(() -> gated.read(request(IMPORTER), permit -> {
            queried.set(true);
            return Optional.of("x");
        }, result -> Disclosure.ofPatient("p-1", List.of("p-1"))))
                .isInstanceOfSatisfying(RecordedDenial.class, e -> assertThat(e.decision().rule()).isEqualTo("minimum-necessary"));

        assertThat(queried).isFalse();
        assertThat(committedRecords()).containsExactly("DENY/minimum-necessary/[p-1]");
    }

    @Test
    void anotherTenantsPatient_isNotFound_andRecordedSo() {
        Caller foreign = new Caller("tenant-other", "desk-9", "front-desk", "TREAT", "app");

        assertThatThrownBy(() -> gated.read(request(foreign), permit -> Optional.of("x"), result -> Disclosure.ofPatient("p-1", List.of())))
                .isInstanceOfSatisfying(RecordedDenial.class, e -> assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NOT_FOUND));
        assertThat(committedRecords()).containsExactly("NOT_FOUND/tenancy/[p-1]");
    }

    @Test
    void whenTheRecordCannotBeAppended_nothingIsReturned_andTheReadsTransactionRollsBack() {
        failing = true;
        AtomicBoolean queried = new AtomicBoolean();

        assertThatThrownBy(() -> gated.read(request(FRONT_DESK), permit -> {
            queried.set(true);
            return Optional.of("demographics of p-1");
        }, result -> Disclosure.ofPatient("p-1", List.of("p-1")))).isInstanceOf(AccessLogUnavailableException.class);

        assertThat(queried).isTrue();
        assertThat(committedRecords()).isEmpty();
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void aPermittedReadOfSomethingTheReadModelDoesNotHave_isNotFound_withRuleAbsent() {
        assertThatThrownBy(() -> gated.read(request(FRONT_DESK), permit -> Optional.empty(), result -> Disclosure.ofPatient("p-1", List.of())))
                .isInstanceOfSatisfying(RecordedDenial.class, e -> assertThat(e.decision().rule()).isEqualTo(GatedAccess.ABSENT));
        assertThat(committedRecords()).containsExactly("NOT_FOUND/absent/[p-1]");
    }

    @Test
    void aList_getsAScope_notAPatient() {
        List<String> ids = gated.list(DoorRequest.tenant("GET /api/patients", FRONT_DESK, "req", Action.SEARCH, RecordKind.DEMOGRAPHICS,
                Map.of("name", "Smith")), permit -> {
                    assertThat(permit.scope()).isNotNull();
                    assertThatThrownBy(permit::patientId).isInstanceOf(IllegalStateException.class);
                    return List.of("p-1");
                }, Disclosure::patients);

        assertThat(ids).containsExactly("p-1");
        assertThat(committedRecords()).containsExactly("PERMIT/role-grant/[p-1]");
    }

    @Test
    void aDoorInsideAnotherTransaction_isRefused_soItsRecordCannotRollBackWithIt() {
        Transaction outer = transactions.startTransaction();
        try {
            assertThatThrownBy(() -> gated.read(request(FRONT_DESK), permit -> Optional.of("x"), result -> Disclosure.ofPatient("p-1", List.of())))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            outer.rollback();
        }
    }

    private static DoorRequest request(Caller caller) {
        return DoorRequest.patient(DOOR, caller, "req-1", Action.READ, RecordKind.DEMOGRAPHICS, "p-1", "p-1", Map.of());
    }

    private void append(AccessRecorded record) {
        if (failing) {
            throw new IllegalStateException("the event store is down");
        }
        try (Connection connection = transactions.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into recorded (outcome, rule, record_ids) values (?, ?, ?)")) {
            insert.setString(1, record.outcome().name());
            insert.setString(2, record.rule());
            insert.setString(3, record.recordIds().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> committedRecords() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select outcome || '/' || rule || '/' || record_ids from recorded")) {
            List<String> records = new java.util.ArrayList<>();
            while (rows.next()) {
                records.add(rows.getString(1));
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
