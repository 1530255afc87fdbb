package dev.bonfire.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access log over a real transaction: a subscriber stands in for the event store and writes each
 * published record to a table on the thread's connection, so "appended" means "committed there".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest {

    private static final Caller CALLER = new Caller("tenant-a", "dr-a", "clinician", "TREAT", "app");
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private TestDatabase database;
    private ThreadBoundTransactions transactions;
    private SimpleEventBus bus;
    private AccessLog log;
    private final List<EventMessage<?>> published = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @BeforeAll
    void start() throws SQLException {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table appended (door text not null)");
        }
        bus = SimpleEventBus.builder().build();
        bus.subscribe(events -> events.forEach(this::append));
        log = new AccessLog(bus, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        failing = false;
        published.clear();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from appended");
        }
    }

    @Test
    void record_appendsInTheCurrentTransaction_andGoesWithItsRollback() {
        Transaction transaction = transactions.startTransaction();
        log.record(CALLER, "req-1", record("read"));
        transaction.rollback();

        assertThat(committedDoors()).isEmpty();
    }

    @Test
    void record_outsideATransaction_commitsAtOnce() {
        log.record(CALLER, "req-1", record("read"));

        assertThat(committedDoors()).containsExactly("read");
    }

    @Test
    void recordOnItsOwn_commits_whileTheCommandsUnitOfWorkAndTransactionRollBack() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        unitOfWork.attachTransaction(transactions);
        bus.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage("a domain event"));
        log.record(CALLER, "req-1", record("staged-permit"));

        log.recordOnItsOwn(CALLER, "req-1", record("denied"));
        UnitOfWork<?> currentAfterwards = CurrentUnitOfWork.get();
        unitOfWork.rollback(new IllegalStateException("denied"));

        assertThat(currentAfterwards).isSameAs(unitOfWork);
        assertThat(committedDoors()).containsExactly("denied");
        assertThat(published).extracting(EventMessage::getPayload).noneMatch("a domain event"::equals);
    }

    @Test
    void recordOnItsOwn_insideNestedUnitsOfWork_restoresThemInOrder() {
        UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("outer"));
        UnitOfWork<?> inner = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("inner"));

        log.recordOnItsOwn(CALLER, "req-1", record("denied"));

        assertThat(CurrentUnitOfWork.get()).isSameAs(inner);
        inner.rollback();
        assertThat(CurrentUnitOfWork.get()).isSameAs(outer);
        outer.rollback();
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
        assertThat(committedDoors()).containsExactly("denied");
    }

    @Test
    void aFailedAppend_isAnAccessLogFailure_andNothingIsCommitted() {
        failing = true;

        assertThatThrownBy(() -> log.record(CALLER, "req-1", record("read"))).isInstanceOf(AccessLogUnavailableException.class);
        assertThatThrownBy(() -> log.recordOnItsOwn(CALLER, "req-1", record("denied"))).isInstanceOf(AccessLogUnavailableException.class);
        assertThat(committedDoors()).isEmpty();
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void theCallerAndCorrelationId_goInTheMetadata_absentValuesLeftOut() {
        log.record(CALLER, "req-7", record("read"));
        log.record(new Caller("tenant-a", "dr-a", null, " ", "app"), null, record("incomplete"));

        var complete = published.get(0).getMetaData();
        assertThat(complete).containsEntry(MetadataKeys.TENANT, "tenant-a").containsEntry(MetadataKeys.ACTOR_ID, "dr-a")
                .containsEntry(MetadataKeys.ACTOR_ROLE, "clinician").containsEntry(MetadataKeys.PURPOSE, "TREAT")
                .containsEntry(MetadataKeys.VIA, "app").containsEntry(MetadataKeys.CORRELATION_ID, "req-7")
                .containsEntry(MetadataKeys.SOURCE, AccessLog.SOURCE).containsEntry(MetadataKeys.TIME, NOW.toString());
        var incomplete = published.get(1).getMetaData();
        assertThat(incomplete).doesNotContainKeys(MetadataKeys.ACTOR_ROLE, MetadataKeys.PURPOSE, MetadataKeys.CORRELATION_ID);
        assertThat(incomplete.values()).doesNotContainNull();
    }

    private static AccessRecorded record(String door) {
        return AccessRecorded.refused(door, Action.READ, RecordKind.DEMOGRAPHICS, List.of("p-1"), List.of("p-1"),
                Decision.deny("minimum-necessary", "no"), null);
    }

    private void append(EventMessage<?> event) {
        if (failing) {
            throw new IllegalStateException("the event store is down");
        }
        published.add(event);
        if (!(event.getPayload() instanceof AccessRecorded record)) {
            return;
        }
        try (Connection connection = transactions.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into appended (door) values (?)")) {
            insert.setString(1, record.door());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> committedDoors() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select door from appended order by door")) {
            List<String> doors = new ArrayList<>();
            while (rows.next()) {
                doors.add(rows.getString(1));
            }
            return doors;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
