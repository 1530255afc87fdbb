package dev.bonfire.fhir.importer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bonfire.domain.Aggregates;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.command.Callers;
import dev.bonfire.policy.command.CommandGateInterceptor;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import dev.bonfire.policy.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The importer on the real write path, without the app: a fresh schema in the test PostgreSQL, Axon's JDBC
 * event store, every domain aggregate, the access gate on the command bus and the policy-state projector
 * in the same transaction, wired as {@code app/}'s AxonFactory does. A fault can be injected before a
 * handler to check that a late failure rolls everything back.
 */
final class ImportRig implements AutoCloseable {

    private static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry").globalIndexColumn("global_index")
            .timestampColumn("time_stamp").eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number").typeColumn("type").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data").build();

    private static final String ACCESS_RECORDED = "dev.bonfire.policy.event.AccessRecorded";

    final TestDatabase database;
    final ThreadBoundTransactions transactions;
    final JdbcPolicyState policyState;
    final Configuration axon;
    final FhirBundleImporter importer;
    private volatile Predicate<Object> fault = command -> false;

    private ImportRig() {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
        policyState = new JdbcPolicyState(transactions);
        AccessGate gate = new AccessGate(policyState, Clock.systemUTC());
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(MetadataKeys.TENANT, MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE,
                                MetadataKeys.PURPOSE, MetadataKeys.VIA, MetadataKeys.SOURCE, MetadataKeys.TIME)))
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(transactions).transactionManager(transactions)
                        .eventSerializer(serializer).snapshotSerializer(serializer).schema(EVENT_SCHEMA).build())
                .configureCommandBus(c -> {
                    SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactions).build();
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                    return bus;
                });
        PolicyRecordProjector projector = new PolicyRecordProjector(transactions);
        configurer.eventProcessing(p -> p.registerSubscribingEventProcessor(PolicyRecordProjector.GROUP).registerEventHandler(c -> projector));
        Aggregates.all().forEach(configurer::configureAggregate);
        axon = configurer.buildConfiguration();
        axon.onStart(Integer.MIN_VALUE, () -> {
            AccessLog accessLog = new AccessLog(axon.eventBus(), transactions, Clock.systemUTC());
            axon.commandBus().registerHandlerInterceptor(new CommandGateInterceptor(gate, policyState, transactions, accessLog));
            axon.commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
                if (fault.test(unitOfWork.getMessage().getPayload())) {
                    throw new IllegalStateException("injected fault");
                }
                return chain.proceed();
            });
        });
        axon.start();
        importer = new FhirBundleImporter(axon.commandGateway(), transactions, policyState, FhirBundleReader.shared());
    }

    static ImportRig start() {
        return new ImportRig();
    }

    /** From now on, a command matching this fails just before its handler (after the gate). */
    void failOn(Predicate<Object> command) {
        this.fault = command;
    }

    /** Sends a command as a caller, in its own transaction. */
    void send(Caller caller, Object command) {
        Transaction transaction = transactions.startTransaction();
        try {
            axon.commandGateway().sendAndWait(command, MetaData.from(Callers.toMetaData(caller, "test")));
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }

    /** Domain events in the store, access records left out (the event tables have no tenant: over all tenants). */
    long events() {
        return count(null, "select count(*) from domain_event_entry where payload_type <> ?", ACCESS_RECORDED);
    }

    /** Access records naming this door (the payload is JSON: the door is matched in it). */
    long accessRecordsOfDoor(String door) {
        return count(null, "select count(*) from domain_event_entry where payload_type = ? and convert_from(payload, 'UTF8') like ?",
                ACCESS_RECORDED, "%\"door\":\"" + door + "\"%");
    }

    /** Access records (the gate's audit of every decision) in the store. */
    long accessRecords() {
        return events(ACCESS_RECORDED);
    }

    long events(String payloadType) {
        return count(null, "select count(*) from domain_event_entry where payload_type = ?", payloadType);
    }

    /** Rows of a tenant-scoped table, as the tenant sees them (row-level security). */
    long rows(String tenant, String table) {
        if (!List.of("policy_record", "fhir_import_bundle", "fhir_import_identifier").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return count(tenant, "select count(*) from " + table);
    }

    long recordsOfKind(String tenant, String kind) {
        return count(tenant, "select count(*) from policy_record where kind = ?", kind);
    }

    private long count(String tenant, String sql, Object... args) {
        Transaction transaction = transactions.startTransaction();
        try (Connection connection = transactions.getConnection()) {
            if (tenant != null) {
                TenantSql.bind(connection, tenant);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            transaction.rollback();
        }
    }

    @Override
    public void close() {
        axon.shutdown();
        database.close();
    }
}
