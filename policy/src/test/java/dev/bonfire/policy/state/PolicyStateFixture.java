package dev.bonfire.policy.state;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Policy state in the real PostgreSQL: the projector behind Axon's annotation adapter (as the
 * subscribing processor calls it), the state the gate reads, and thread-bound transactions over one
 * fresh schema. Every message delivered is kept, so a test can deliver it again.
 */
final class PolicyStateFixture implements AutoCloseable {

    final TestDatabase database = TestDatabase.migrated();
    final ThreadBoundTransactions transactions = new ThreadBoundTransactions(database.dataSource());
    final JdbcPolicyState state = new JdbcPolicyState(transactions);
    private final AnnotationEventHandlerAdapter projector = new AnnotationEventHandlerAdapter(new PolicyRecordProjector(transactions));
    private final List<EventMessage<?>> log = new ArrayList<>();

    /** An event as the event store hands it over: a fresh identifier, the caller's metadata, a timestamp. */
    static EventMessage<Object> event(String tenant, String actor, Object payload, Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload,
                Map.of(MetadataKeys.TENANT, tenant, MetadataKeys.ACTOR_ID, actor), at);
    }

    /** Delivers one event in its own transaction; returns it, for delivering again. */
    EventMessage<?> apply(String tenant, String actor, Object payload, Instant at) {
        EventMessage<?> message = event(tenant, actor, payload, at);
        transactions.executeInTransaction(() -> deliver(message));
        return message;
    }

    /** Delivers a message in the current transaction (the caller's thread must have one open). */
    void deliver(EventMessage<?> message) {
        if (!projector.canHandle(message)) {
            throw new IllegalArgumentException("the policy-state projector does not handle " + message.getPayloadType());
        }
        try {
            projector.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        log.add(message);
    }

    /** Delivers every message delivered so far once more, in order, each in its own transaction. */
    void redeliverAll() {
        for (EventMessage<?> message : List.copyOf(log)) {
            transactions.executeInTransaction(() -> {
                try {
                    projector.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.fetchInTransaction(work);
    }

    /** Every row of {@code table} visible with {@code tenant} bound (null: no tenant bound), as column → value maps. */
    List<Map<String, Object>> rows(String tenant, String table) {
        return inTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                if (tenant != null) {
                    TenantSql.bind(connection, tenant);
                }
                return select(connection, "select * from " + table + " order by 1, 2");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The wait event type of a backend ("Lock" while it waits for a row lock), or null when it waits for nothing. */
    String waitEventOf(int backendPid) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select wait_event_type from pg_stat_activity where pid = ?")) {
            statement.setInt(1, backendPid);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backend serving the current thread's transaction. */
    int backendPid() {
        try (Connection connection = transactions.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> select(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rows.getObject(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    @Override
    public void close() {
        database.close();
    }
}
