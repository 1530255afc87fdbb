package dev.bonfire.app.wiring;

import dev.bonfire.app.config.AxonSettings;
import dev.bonfire.domain.Aggregates;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.query.projection.ReadModels;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.command.CommandGateInterceptor;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon, wired explicitly (there is no Axon–Micronaut module): JDBC event store and token store on
 * PostgreSQL through bonfire's transactions, Jackson everywhere, the access gate on the command bus,
 * policy state projected synchronously, read models by tracking processors. Axon Server only when
 * configured.
 */
@Factory
class AxonFactory {

    /** The processing group of the relational read models (tracking, replayable). */
    static final String READ_MODELS = ReadModels.GROUP;

    /** The snake_case tables of migration V1_1 (Axon's defaults are camelCase). */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Singleton
    @Bean(preDestroy = "shutdown")
    Configuration axonConfiguration(ThreadBoundTransactions transactions, AccessGate gate, AxonSettings settings,
                                    PolicyRecordProjector policyRecords, BeanContext beans) {
        Configuration configuration = configure(transactions, gate, settings, policyRecords, ReadModelProjectors.all(beans));
        configuration.start();
        return configuration;
    }

    /** Builds (does not start) the Axon configuration; the tests of the connector's start-up path use it too. */
    static Configuration configure(ThreadBoundTransactions transactions, AccessGate gate, AxonSettings settings,
                                   PolicyRecordProjector policyRecords, List<Object> readModelProjectors) {
        JacksonSerializer serializer = Serialization.serializer();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(settings.axonServerConfigured())
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(MetadataKeys.TENANT, MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE,
                                MetadataKeys.PURPOSE, MetadataKeys.VIA, MetadataKeys.SOURCE, MetadataKeys.TIME)));
        if (settings.axonServerConfigured()) {
            // the builder fills in the defaults the bare constructor leaves null (outside Spring)
            configurer.registerComponent(AxonServerConfiguration.class, c -> AxonServerConfiguration.builder()
                    .servers(settings.server())
                    .componentName("bonfire")
                    .build());
        } else {
            configurer.configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                            .connectionProvider(transactions)
                            .transactionManager(transactions)
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .schema(EVENT_SCHEMA)
                            .build())
                    .configureCommandBus(c -> {
                        SimpleCommandBus bus = SimpleCommandBus.builder()
                                .transactionManager(transactions)
                                .messageMonitor(c.messageMonitor(SimpleCommandBus.class, "commandBus"))
                                .build();
                        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                        return bus;
                    });
        }
        configurer.eventProcessing(processing -> processing
                // a failing projection stops (and, for policy state, fails the command) instead of being skipped
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(transactions)
                        .serializer(serializer)
                        .schema(TOKEN_SCHEMA)
                        .build())
                .registerSubscribingEventProcessor(PolicyRecordProjector.GROUP)
                .registerTrackingEventProcessor(READ_MODELS)
                .registerTrackingEventProcessorConfiguration(READ_MODELS, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(200))
                .registerEventHandler(c -> policyRecords));
        for (Object projector : readModelProjectors) {
            configurer.eventProcessing(processing -> processing.registerEventHandler(c -> projector));
        }
        for (Class<?> aggregate : Aggregates.all()) {
            configurer.configureAggregate(aggregate);
        }
        Configuration configuration = configurer.buildConfiguration();
        configuration.onStart(Integer.MIN_VALUE, () -> registerGate(configuration, gate, transactions));
        return configuration;
    }

    private static void registerGate(Configuration configuration, AccessGate gate, ThreadBoundTransactions transactions) {
        AccessLog accessLog = new AccessLog(configuration.eventBus(), transactions, Clock.systemUTC());
        configuration.commandBus().registerHandlerInterceptor(
                new CommandGateInterceptor(gate, new JdbcPolicyState(transactions), transactions, accessLog));
    }

    @Singleton
    CommandGateway commandGateway(Configuration configuration) {
        return configuration.commandGateway();
    }

    @Singleton
    EventStore eventStore(Configuration configuration) {
        return configuration.eventStore();
    }
}
