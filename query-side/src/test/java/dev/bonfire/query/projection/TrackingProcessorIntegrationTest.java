package dev.bonfire.query.projection;

import static dev.bonfire.query.schema.Tables.OBSERVATION_VIEW;
import static dev.bonfire.query.schema.Tables.PATIENT_VIEW;
import static dev.bonfire.query.testing.Samples.demographics;
import static dev.bonfire.query.testing.Samples.glucose;
import static dev.bonfire.query.testing.Samples.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.patient.DemographicsChanged;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projectors behind a real tracking processor on the real JDBC event store and token store, all on
 * one {@link ThreadBoundTransactions}, as the app wires them: events are serialized and read back,
 * rows and token commit together, a restart resumes from the token, a reset replays to identical rows.
 * (The event and token tables are created here with Axon's own table factories because their Flyway
 * migration belongs to the app module; production never creates tables at run time.)
 */
class TrackingProcessorIntegrationTest {

    private static final String TENANT = "tenant-a";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private TestDatabase db;
    private ThreadBoundTransactions transactions;
    private EmbeddedEventStore eventStore;
    private JdbcTokenStore tokenStore;
    private final List<TrackingEventProcessor> started = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** Counts every event the processor hands to the group, so a test can tell what was delivered again. */
    static final class DeliveryCounter {
        final AtomicInteger delivered = new AtomicInteger();

        @EventHandler
        void on(Object event) {
            delivered.incrementAndGet();
        }
    }

    @BeforeEach
    void givenAnEventStoreAndATokenStore() {
        db = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(db.dataSource());
        Serializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        tokenStore = JdbcTokenStore.builder().connectionProvider(transactions).serializer(serializer).build();
        tokenStore.createSchema(PostgresTokenTableFactory.INSTANCE);
    }

    @AfterEach
    void stop() {
        started.forEach(TrackingEventProcessor::shutDown);
        eventStore.shutDown();
        db.close();
    }

    private TrackingEventProcessor startProcessor(DeliveryCounter counter) {
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(new PatientViewProjector(transactions), new EncounterViewProjector(transactions),
                        new ObservationViewProjector(transactions), new ConditionViewProjector(transactions), counter)
                // a projection failure must stop the processor (and retry), never skip the event
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(ReadModels.GROUP)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();
        started.add(processor);
        return processor;
    }

    private void stopProcessor(TrackingEventProcessor processor) {
        processor.shutDown();
        started.remove(processor);
    }

    private void publish(String tenant, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Map<String, Object> metaData = new HashMap<>();
        if (tenant != null) {
            metaData.put(MetadataKeys.TENANT, tenant);
        }
        metaData.put(MetadataKeys.ACTOR_ID, "dr-house");
        eventStore.publish(new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload, metaData));
    }

    private long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1))
                .min().orElse(-1);
    }

    private void awaitCaughtUp(TrackingEventProcessor processor) {
        long head = head();
        // (a new or reset processor reports "replaying" until it passes the head it started with: not a signal here)
        await().atMost(PATIENCE).until(() -> position(processor) >= head
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    private <T> T inTenant(Function<DSLContext, T> work) {
        return transactions.fetchInTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                TenantSql.bind(connection, TENANT);
                return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Map<String, Object>> allRows() {
        List<Map<String, Object>> rows = new ArrayList<>(inTenant(dsl -> dsl.selectFrom(PATIENT_VIEW).orderBy(PATIENT_VIEW.ID).fetchMaps()));
        rows.addAll(inTenant(dsl -> dsl.selectFrom(OBSERVATION_VIEW).orderBy(OBSERVATION_VIEW.ID).fetchMaps()));
        return rows;
    }

    @Test
    void eventsFromTheStore_areProjected_withTheirValuesIntactAfterSerialization() {
        publish(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));
        publish(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        awaitCaughtUp(startProcessor(new DeliveryCounter()));

        var observation = inTenant(dsl -> dsl.selectFrom(OBSERVATION_VIEW).fetchOne());
        assertThat(observation.getValueQuantity()).isEqualTo(new BigDecimal("1.50"));
        assertThat(observation.getEffective()).isEqualTo("2024-03");
        assertThat(observation.getIssued()).isEqualTo("2024-03-05T10:00:00+01:00");
        assertThat(observation.getLastEventPosition()).isEqualTo(head());
        assertThat(inTenant(dsl -> dsl.selectFrom(PATIENT_VIEW).fetchOne()).getBirthDate()).isEqualTo("1980-07");
    }

    @Test
    void afterARestart_theProcessorResumesFromItsToken_andAppliesNoEventTwice() {
        publish(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));
        publish(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));
        DeliveryCounter first = new DeliveryCounter();
        TrackingEventProcessor processor = startProcessor(first);
        awaitCaughtUp(processor);
        stopProcessor(processor);
        assertThat(first.delivered).hasValue(2);

        publish(TENANT, "pat-1", new DemographicsChanged("pat-1", demographics("Jones", "Ann", "1980-07-14")));
        DeliveryCounter second = new DeliveryCounter();
        awaitCaughtUp(startProcessor(second));

        assertThat(second.delivered).hasValue(1);
        var patient = inTenant(dsl -> dsl.selectFrom(PATIENT_VIEW).fetchOne());
        assertThat(patient.getFamily()).isEqualTo("Jones");
        assertThat(patient.getVersion()).isEqualTo(1L);
    }

    @Test
    void aResetOfTheProcessor_replaysTheLogFromScratch_intoIdenticalRows() {
        publish(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));
        publish(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));
        publish(TENANT, "pat-1", new DemographicsChanged("pat-1", demographics("Jones", "Ann", "1980-07-14")));
        TrackingEventProcessor processor = startProcessor(new DeliveryCounter());
        awaitCaughtUp(processor);
        List<Map<String, Object>> before = allRows();
        stopProcessor(processor);

        processor.resetTokens();
        assertThat(allRows()).as("the reset handlers emptied the views").isEmpty();
        DeliveryCounter replay = new DeliveryCounter();
        awaitCaughtUp(startProcessor(replay));

        assertThat(replay.delivered).hasValue(3);
        assertThat(allRows()).isEqualTo(before);
    }

    @Test
    void anEventThatCannotBeProjected_stopsTheProcessorAtIt_withoutSkippingIt() {
        publish(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));
        long good = head();
        publish(null, "pat-2", patient("pat-2", "No", "Tenant", null));
        publish(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        TrackingEventProcessor processor = startProcessor(new DeliveryCounter());
        await().atMost(PATIENCE).until(() -> processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState));

        assertThat(position(processor)).isEqualTo(good);
        int patients = inTenant(dsl -> dsl.fetchCount(PATIENT_VIEW));
        int observations = inTenant(dsl -> dsl.fetchCount(OBSERVATION_VIEW));
        assertThat(patients).isEqualTo(1);
        assertThat(observations).as("the event after the failing one is not applied either").isZero();
    }
}
