package dev.bonfire.domain.breakglass;

import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.event;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.InvalidCommandException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BreakGlassAccessTest {

    private static final String REASON = "unconscious patient in the emergency department";

    private AggregateTestFixture<BreakGlassAccess> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(BreakGlassAccess.class);
    }

    @Test
    void breakGlass_recordsGlassBroken_withTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(new BreakGlass("break-glass-1", PATIENT, REASON), author())
                .expectEvents(event(new GlassBroken("break-glass-1", PATIENT, REASON), author()));
    }

    @Test
    void breakGlass_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(new BreakGlass("break-glass-1", PATIENT, REASON))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }
}
