package dev.bonfire.domain.encounter;

import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.event;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.Reference;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EncounterTest {

    private static final String ENCOUNTER = "encounter-1";

    private AggregateTestFixture<Encounter> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(Encounter.class);
    }

    private static RecordEncounter recordEncounter() {
        return new RecordEncounter(ENCOUNTER, PATIENT, "finished",
                new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
                List.of(CodeableConcept.of("http://snomed.info/sct", "185349003", "Encounter for check up")),
                new Period(ClinicalDateTime.of("2019-03-01T10:00:00+01:00"), ClinicalDateTime.of("2019-03-01T10:30:00+01:00")),
                List.of(new CodeableConcept(List.of(), "follow-up")),
                List.of(Reference.to("Practitioner", "practitioner-1")),
                Reference.to("Organization", "organization-1"),
                Reference.to("Location", "location-1"));
    }

    @Test
    void recordEncounter_recordsEncounterRecorded_withEveryFieldAndTheCallerInItsMetadata() {
        RecordEncounter command = recordEncounter();
        fixture.givenNoPriorActivity()
                .when(command, author())
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(new EncounterRecorded(ENCOUNTER, PATIENT, "finished", command.encounterClass(), command.types(),
                        command.period(), command.reasons(), command.participants(), command.serviceProvider(), command.location()),
                        author()));
    }

    @Test
    void recordEncounter_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(recordEncounter(), MetaData.with(MetadataKeys.ACTOR_ID, "someone"))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }
}
