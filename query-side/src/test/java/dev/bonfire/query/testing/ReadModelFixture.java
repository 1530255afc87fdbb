package dev.bonfire.query.testing;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.PatientScope;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import dev.bonfire.policy.testing.TestDatabase;
import dev.bonfire.query.projection.ConditionViewProjector;
import dev.bonfire.query.projection.EncounterViewProjector;
import dev.bonfire.query.projection.ObservationViewProjector;
import dev.bonfire.query.projection.PatientViewProjector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A fresh migrated schema, the four read-model projectors (and the policy-state projector, so the gate
 * knows the records) behind Axon's own {@link AnnotationEventHandlerAdapter}, and an in-memory event
 * log that hands out global positions and sequence numbers the way the JDBC event store does.
 * Delivery runs in a transaction of {@link ThreadBoundTransactions}, like a tracking processor's batch.
 */
public final class ReadModelFixture implements AutoCloseable {

    private final TestDatabase db;
    private final ThreadBoundTransactions transactions;
    private final List<AnnotationEventHandlerAdapter> readModels;
    private final AnnotationEventHandlerAdapter policyState;
    private final List<TrackedEventMessage<?>> log = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private long position = 0;

    private ReadModelFixture(TestDatabase db) {
        this.db = db;
        this.transactions = new ThreadBoundTransactions(db.dataSource());
        this.readModels = List.of(
                new AnnotationEventHandlerAdapter(new PatientViewProjector(transactions)),
                new AnnotationEventHandlerAdapter(new EncounterViewProjector(transactions)),
                new AnnotationEventHandlerAdapter(new ObservationViewProjector(transactions)),
                new AnnotationEventHandlerAdapter(new ConditionViewProjector(transactions)));
        this.policyState = new AnnotationEventHandlerAdapter(new PolicyRecordProjector(transactions));
    }

    public static ReadModelFixture start() {
        return new ReadModelFixture(TestDatabase.migrated());
    }

    public ThreadBoundTransactions transactions() {
        return transactions;
    }

    public TestDatabase database() {
        return db;
    }

    /** Appends the event to the log (next global position, next sequence of its aggregate) and delivers it. */
    public TrackedEventMessage<?> record(String tenant, String aggregateId, Object payload) {
        TrackedEventMessage<?> message = message(tenant, aggregateId, payload, ++position);
        log.add(message);
        deliver(message);
        return message;
    }

    /** Builds a tracked event at a given position without appending it to the log. */
    public TrackedEventMessage<?> message(String tenant, String aggregateId, Object payload, long globalPosition) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Map<String, Object> metaData = new HashMap<>();
        if (tenant != null) {
            metaData.put(MetadataKeys.TENANT, tenant);
        }
        metaData.put(MetadataKeys.ACTOR_ID, "dr-house");
        metaData.put(MetadataKeys.ACTOR_ROLE, "clinician");
        metaData.put(MetadataKeys.PURPOSE, "TREAT");
        metaData.put(MetadataKeys.VIA, "test");
        String type = payload.getClass().getPackageName().substring(payload.getClass().getPackageName().lastIndexOf('.') + 1);
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(globalPosition, List.of()),
                new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData));
    }

    /** Delivers one message to every projector that handles it, in one transaction (again, if it was delivered before). */
    public void deliver(TrackedEventMessage<?> message) {
        deliver(message, true);
    }

    /** Delivers one message to the read-model projectors only (not to policy state). */
    public void deliverToReadModels(TrackedEventMessage<?> message) {
        deliver(message, false);
    }

    private void deliver(TrackedEventMessage<?> message, boolean withPolicyState) {
        transactions.executeInTransaction(() -> {
            try {
                if (withPolicyState && policyState.canHandle(message)) {
                    policyState.handle(message);
                }
                for (AnnotationEventHandlerAdapter adapter : readModels) {
                    if (adapter.canHandle(message)) {
                        adapter.handle(message);
                    }
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What a processor reset does: the reset handlers, then every event of the log again, in order. */
    public void replayFromScratch() {
        transactions.executeInTransaction(() -> readModels.forEach(AnnotationEventHandlerAdapter::prepareReset));
        log.forEach(this::deliverToReadModels);
    }

    /** The gate over this fixture's policy state (default tenant policy: clinicians need a care-team assignment). */
    public AccessGate gate() {
        return new AccessGate(new JdbcPolicyState(transactions), Clock.systemUTC());
    }

    /** The patient scope the gate gives {@code caller} for a patient search. */
    public PatientScope scopeOf(Caller caller) {
        return transactions.fetchInTransaction(() -> {
            AccessGate.ScopedDecision scoped = gate().scope(caller, Action.SEARCH, RecordKind.DEMOGRAPHICS);
            if (!scoped.decision().permitted()) {
                throw new IllegalStateException("no scope: " + scoped.decision());
            }
            return scoped.scope();
        });
    }

    /** Runs {@code work} in a transaction with {@code tenant} bound (null: no tenant bound). */
    public <T> T inTenant(String tenant, Function<DSLContext, T> work) {
        return transactions.fetchInTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                if (tenant != null) {
                    TenantSql.bind(connection, tenant);
                }
                return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every row of the table the tenant can see, column by column, in key order. */
    public List<Map<String, Object>> rows(String tenant, Table<?> table) {
        return inTenant(tenant, dsl -> dsl.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch().intoMaps());
    }

    @Override
    public void close() {
        db.close();
    }
}
