package dev.bonfire.domain.consent;

import static dev.bonfire.domain.Samples.OTHER_PATIENT;
import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.author;
import static dev.bonfire.domain.Samples.colleague;
import static dev.bonfire.domain.Samples.event;
import static dev.bonfire.domain.Samples.otherTenant;

import dev.bonfire.domain.Samples;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.RecordNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsentTest {

    private static final String CONSENT = "consent-1";
    private static final Period THIS_YEAR = new Period(ClinicalDateTime.of("2026-01-01"), ClinicalDateTime.of("2026-12-31"));
    private static final ConsentGranted GRANTED = new ConsentGranted(CONSENT, PATIENT, "HRESCH", THIS_YEAR, null);
    private static final ConsentWithdrawn WITHDRAWN = new ConsentWithdrawn(CONSENT, PATIENT, "changed my mind");

    private AggregateTestFixture<Consent> fixture;

    @BeforeEach
    void setUp() {
        fixture = Samples.fixture(Consent.class);
    }

    @Test
    void grantConsent_recordsConsentGranted_withTheCallerInItsMetadata() {
        fixture.givenNoPriorActivity()
                .when(new GrantConsent(CONSENT, PATIENT, "HRESCH", THIS_YEAR, null), author())
                .expectEvents(event(GRANTED, author()));
    }

    @Test
    void grantConsent_isRejected_whenTheCommandCarriesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(new GrantConsent(CONSENT, PATIENT, "HRESCH", null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawConsent_recordsConsentWithdrawn() {
        fixture.given(event(GRANTED, author()))
                .when(new WithdrawConsent(CONSENT, PATIENT, "changed my mind", 0L), colleague())
                .expectEvents(event(WITHDRAWN, colleague()));
    }

    @Test
    void withdrawConsent_isRejected_whenAlreadyWithdrawn() {
        fixture.given(event(GRANTED, author()), event(WITHDRAWN, author()))
                .when(new WithdrawConsent(CONSENT, PATIENT, null, null), author())
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawConsent_isNotFound_forAnotherTenant() {
        fixture.given(event(GRANTED, author()))
                .when(new WithdrawConsent(CONSENT, PATIENT, null, null), otherTenant())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawConsent_isNotFound_forAnotherPatient() {
        fixture.given(event(GRANTED, author()))
                .when(new WithdrawConsent(CONSENT, OTHER_PATIENT, null, null), author())
                .expectException(RecordNotFoundException.class)
                .expectNoEvents();
    }
}
