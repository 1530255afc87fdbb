package dev.bonfire.domain;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.patient.Demographics;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Shared test material: fixtures wired like the app, caller metadata, and sample values. */
public final class Samples {

    public static final String TENANT = "tenant-a";
    public static final String OTHER_TENANT = "tenant-b";
    public static final String AUTHOR = "practitioner-1";
    public static final String OTHER_ACTOR = "practitioner-2";
    public static final String PATIENT = "patient-1";
    public static final String OTHER_PATIENT = "patient-2";

    private Samples() {
    }

    /**
     * A fixture whose command bus copies the caller's metadata onto every event it causes, as the app's
     * Axon configuration does (its correlation data providers); illegal-state-change detection stays on.
     */
    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregateType) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(new SimpleCorrelationDataProvider(
                MetadataKeys.TENANT, MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE, MetadataKeys.PURPOSE,
                MetadataKeys.VIA, MetadataKeys.SOURCE, MetadataKeys.TIME)));
        return fixture;
    }

    /** What a gated command carries: who, for which tenant, why, through what, from where. */
    public static MetaData caller(String tenant, String actorId) {
        return MetaData.with(MetadataKeys.TENANT, tenant)
                .and(MetadataKeys.ACTOR_ID, actorId)
                .and(MetadataKeys.ACTOR_ROLE, "clinician")
                .and(MetadataKeys.PURPOSE, "treatment")
                .and(MetadataKeys.VIA, "api")
                .and(MetadataKeys.SOURCE, "test");
    }

    /** The author, in the home tenant. */
    public static MetaData author() {
        return caller(TENANT, AUTHOR);
    }

    /** Another actor of the home tenant. */
    public static MetaData colleague() {
        return caller(TENANT, OTHER_ACTOR);
    }

    /** The same actor name, but in another tenant. */
    public static MetaData otherTenant() {
        return caller(OTHER_TENANT, AUTHOR);
    }

    /** A command as it reaches the bus, metadata included. */
    public static CommandMessage<Object> command(Object payload, MetaData metaData) {
        return new GenericCommandMessage<>(payload, metaData);
    }

    /** An event as it sits in the store, metadata included (the fixture assigns the aggregate and sequence). */
    public static EventMessage<Object> event(Object payload, MetaData metaData) {
        return new GenericEventMessage<>(payload, metaData);
    }

    public static Demographics demographics() {
        return new Demographics(
                List.of(new HumanName("official", "Doe", List.of("Jane"), List.of(), null)),
                "female",
                ClinicalDateTime.of("1980-07"),
                List.of(new Identifier("urn:example:mrn", "MRN-0001", "MR")),
                List.of(),
                List.of(),
                null);
    }

    public static Demographics correctedDemographics() {
        return new Demographics(
                List.of(new HumanName("official", "Doe", List.of("Janet"), List.of(), null)),
                "female",
                ClinicalDateTime.of("1980-07-14"),
                List.of(new Identifier("urn:example:mrn", "MRN-0001", "MR")),
                List.of(),
                List.of(),
                null);
    }

    public static CodeableConcept loinc(String code, String display) {
        return CodeableConcept.of("http://loinc.org", code, display);
    }

    public static Quantity quantity(String value, String unit) {
        return new Quantity(new BigDecimal(value), null, unit, "http://unitsofmeasure.org", unit);
    }
}
