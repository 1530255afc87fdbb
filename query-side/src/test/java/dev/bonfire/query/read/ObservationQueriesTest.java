package dev.bonfire.query.read;

import static dev.bonfire.query.testing.Samples.bloodPressure;
import static dev.bonfire.query.testing.Samples.glucose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.observation.ObservationMarkedEnteredInError;
import dev.bonfire.policy.access.TestPermits;
import dev.bonfire.query.api.ObservationDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.QuantityView;
import dev.bonfire.query.testing.ReadModelFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ObservationQueriesTest {

    private static final String A = "tenant-a";
    private static final String B = "tenant-b";

    private static ReadModelFixture fixture;
    private static ObservationQueries queries;

    @BeforeAll
    static void givenObservationsOfTwoPatientsInTwoTenants() {
        fixture = ReadModelFixture.start();
        queries = new ObservationQueries(fixture.transactions());
        fixture.record(A, "g-month", glucose("g-month", "pat-1", "1.50", "2024-03"));                      // all of March
        fixture.record(A, "g-day", glucose("g-day", "pat-1", "5.5", "2024-02-10"));
        fixture.record(A, "g-late", glucose("g-late", "pat-1", "6.25", "2024-03-31T23:30:00-02:00"));      // April 1st, 01:30 UTC
        fixture.record(A, "g-undated", glucose("g-undated", "pat-1", "4.0", null));
        fixture.record(A, "bp", bloodPressure("bp", "pat-1", "2024-03-05T08:15:00+01:00"));
        fixture.record(A, "g-error", glucose("g-error", "pat-1", "99", "2024-03-06"));
        fixture.record(A, "g-error", new ObservationMarkedEnteredInError("g-error", "pat-1", "wrong patient"));
        fixture.record(A, "g-other", glucose("g-other", "pat-2", "3.3", "2024-03-06"));
        fixture.record(B, "g-b", glucose("g-b", "pat-1", "8.8", "2024-03-06"));  // same patient id, other tenant
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private Page<ObservationDetails> search(String tenant, String code, String from, String to) {
        ClinicalSearch search = ClinicalSearch.parse(code, from, to, null, null, null);
        return fixture.transactions().fetchInTransaction(() -> queries.ofPatient(TestPermits.patient(tenant, "pat-1"), search));
    }

    private static String[] ids(Page<ObservationDetails> page) {
        return page.items().stream().map(ObservationDetails::id).toArray(String[]::new);
    }

    @Test
    void withoutFilters_everyObservationOfThePatientInTheTenant_newestFirst_undatedLast_enteredInErrorLeftOut() {
        Page<ObservationDetails> page = search(A, null, null, null);

        assertThat(ids(page)).containsExactly("g-late", "bp", "g-month", "g-day", "g-undated");
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void enteredInError_isListed_whenAskedFor_withItsFlag() {
        ClinicalSearch search = ClinicalSearch.parse(null, "2024-03-06", "2024-03-06", "true", null, null);
        Page<ObservationDetails> page = fixture.transactions().fetchInTransaction(() -> queries.ofPatient(TestPermits.patient(A, "pat-1"), search));

        assertThat(ids(page)).containsExactly("g-error", "g-month");
        assertThat(page.items().get(0).enteredInError()).isTrue();
        assertThat(page.items().get(0).enteredInErrorReason()).isEqualTo("wrong patient");
        assertThat(page.items().get(0).status()).isEqualTo("entered-in-error");
    }

    @Test
    void aCodeFilter_matchesAnyCodingOfTheConcept() {
        assertThat(ids(search(A, "http://loinc.org|15074-8", null, null))).containsExactly("g-late", "g-month", "g-day", "g-undated");
        assertThat(ids(search(A, "GLU", null, null))).containsExactly("g-late", "g-month", "g-day", "g-undated");
        assertThat(ids(search(A, "urn:local:lab|GLU", null, null))).hasSize(4);
        assertThat(ids(search(A, "http://loinc.org|GLU", null, null))).isEmpty();
    }

    @Test
    void aCodeFilter_withSeveralCodes_matchesAnyOfThem_andASystemAloneMatchesItsCodes() {
        assertThat(ids(search(A, "85354-9,http://loinc.org|15074-8", null, null))).containsExactly("g-late", "bp", "g-month", "g-day", "g-undated");
        assertThat(ids(search(A, "urn:local:lab|", null, null))).containsExactly("g-late", "g-month", "g-day", "g-undated");
    }

    @Test
    void aComponentCode_isNotTheObservationsCode() {
        assertThat(ids(search(A, "8480-6", null, null))).isEmpty();
    }

    @Test
    void aDayInsideAPartialMonth_matchesTheMonth_byOverlap() {
        assertThat(ids(search(A, null, "2024-03-15", "2024-03-15"))).containsExactly("g-month");
    }

    @Test
    void aRange_matchesEveryObservationWhoseEffectiveOverlapsIt() {
        assertThat(ids(search(A, null, "2024-03", "2024-03"))).containsExactly("bp", "g-month");
        assertThat(ids(search(A, null, "2024-02-10", "2024-03-01"))).containsExactly("g-month", "g-day");
    }

    @Test
    void anOffsetTime_isComparedAsTheInstantItMeans() {
        assertThat(ids(search(A, null, "2024-04-01", null))).containsExactly("g-late");
        assertThat(ids(search(A, null, null, "2024-03-31T23:59:59Z"))).doesNotContain("g-late");
        assertThat(ids(search(A, null, "2024-04-01T01:30:00Z", "2024-04-01T01:30:00Z"))).containsExactly("g-late");
    }

    @Test
    void anOpenEndedRange_leavesUndatedObservationsOut() {
        assertThat(ids(search(A, null, null, "2024-02"))).containsExactly("g-day");
        assertThat(ids(search(A, null, "2000", null))).doesNotContain("g-undated");
    }

    @Test
    void codeAndRange_combine() {
        assertThat(ids(search(A, "15074-8", "2024-03-05", "2024-03-05"))).containsExactly("g-month");
    }

    @Test
    void decimals_comeBackExactlyAsWritten() {
        ObservationDetails month = search(A, null, "2024-03-15", "2024-03-15").items().get(0);
        ObservationDetails bp = search(A, "85354-9", null, null).items().get(0);

        assertThat(month.value().quantity()).isEqualTo(new QuantityView("1.50", null, "mmol/L", "http://unitsofmeasure.org", "mmol/L"));
        assertThat(month.effective()).isEqualTo("2024-03");
        assertThat(month.issued()).isEqualTo("2024-03-05T10:00:00+01:00");
        assertThat(month.code().codings()).hasSize(2);
        assertThat(bp.components()).hasSize(2);
        assertThat(bp.components().get(0).value().quantity().value()).isEqualTo("120.50");
        assertThat(bp.components().get(1).value().quantity().value()).isEqualTo("80.0");
        assertThat(bp.components().get(1).value().quantity().comparator()).isEqualTo("<");
        assertThat(bp.value()).isNull();
    }

    @Test
    void anotherTenant_seesOnlyItsOwnObservations_forTheSamePatientId() {
        assertThat(ids(search(B, null, null, null))).containsExactly("g-b");
    }

    @Test
    void paging_appliesAfterFiltersAndOrder() {
        ClinicalSearch search = ClinicalSearch.parse(null, null, null, null, "2", "1");
        Page<ObservationDetails> page = fixture.transactions().fetchInTransaction(() -> queries.ofPatient(TestPermits.patient(A, "pat-1"), search));

        assertThat(ids(page)).containsExactly("bp", "g-month");
        assertThat(page.total()).isEqualTo(5);
    }
}
