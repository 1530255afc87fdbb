package dev.bonfire.query.read;

import static dev.bonfire.query.testing.Samples.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.PatientScope;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.access.TestPermits;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.PatientDetails;
import dev.bonfire.query.api.PatientSummary;
import dev.bonfire.query.testing.ReadModelFixture;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PatientQueriesTest {

    private static final String A = "tenant-a";
    private static final String B = "tenant-b";

    private static ReadModelFixture fixture;
    private static PatientQueries queries;

    @BeforeAll
    static void givenPatientsInTwoTenants() {
        fixture = ReadModelFixture.start();
        queries = new PatientQueries(fixture.transactions());
        fixture.record(A, "p-3", patient("p-3", "Young", "Zoe", "2001"));
        fixture.record(A, "p-1", patient("p-1", "Adams", "Carl", "1950-02"));
        fixture.record(A, "p-2", patient("p-2", "Adams", "Beth", "1960-03-04"));
        fixture.record(A, "p-4", patient("p-4", "Mc%Donald", "Ann", null));
        fixture.record(A, "p-5", patient("p-5", "Baker", "Dana", null));
        fixture.record(B, "p-9", patient("p-9", "Adams", "Other", "1970"));
        fixture.record(B, "p-8", patient("p-8", "Aaron", "Other", "1970"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Front desk needs no care-team assignment: its scope is every patient of the tenant (opt-out consent). */
    private Page<PatientSummary> list(String tenant, PatientSearch search) {
        Caller frontDesk = new Caller(tenant, "fd-1", RolePolicy.FRONT_DESK, "TREAT", "test-app");
        PatientScope scope = fixture.scopeOf(frontDesk);
        return fixture.transactions().fetchInTransaction(() -> queries.list(TestPermits.list(frontDesk, scope), search));
    }

    @Test
    void theList_isSortedByFamilyThenGiven_andCountsOnlyTheCallersTenant() {
        Page<PatientSummary> page = list(A, PatientSearch.parse(null, null, null));

        assertThat(page.items()).extracting(PatientSummary::id).containsExactly("p-2", "p-1", "p-5", "p-4", "p-3");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.limit()).isEqualTo(50);
        assertThat(page.offset()).isZero();
    }

    @Test
    void aPage_startsAtItsOffset_andKeepsTheTotal() {
        Page<PatientSummary> page = list(A, PatientSearch.parse(null, "2", "2"));

        assertThat(page.items()).extracting(PatientSummary::id).containsExactly("p-5", "p-4");
        assertThat(page.total()).isEqualTo(5);
        assertThat(list(A, PatientSearch.parse(null, "2", "4")).items()).extracting(PatientSummary::id).containsExactly("p-3");
        assertThat(list(A, PatientSearch.parse(null, "2", "6")).items()).isEmpty();
    }

    @Test
    void theNameFilter_isACaseInsensitiveContains_overGivenAndFamily() {
        assertThat(list(A, PatientSearch.parse("adam", null, null)).items()).extracting(PatientSummary::id).containsExactly("p-2", "p-1");
        assertThat(list(A, PatientSearch.parse("beth ADAMS", null, null)).items()).extracting(PatientSummary::id).containsExactly("p-2");
        assertThat(list(A, PatientSearch.parse("adam", null, null)).total()).isEqualTo(2);
    }

    @Test
    void theNameFilter_treatsLikeWildcardsAsPlainCharacters() {
        assertThat(list(A, PatientSearch.parse("%", null, null)).items()).extracting(PatientSummary::id).containsExactly("p-4");
        assertThat(list(A, PatientSearch.parse("_", null, null)).items()).isEmpty();
    }

    @Test
    void aSummary_carriesTheBirthDateAsWritten() {
        PatientSummary carl = list(A, PatientSearch.parse("carl", null, null)).items().get(0);

        assertThat(carl).isEqualTo(new PatientSummary("p-1", "Adams", "Carl", "female", "1950-02", false));
    }

    @Test
    void theDetail_ofAPatientOfAnotherTenant_isEmpty_likeOneThatNeverExisted() {
        Optional<PatientDetails> foreign = fixture.transactions().fetchInTransaction(() -> queries.find(TestPermits.patient(A, "p-9")));
        Optional<PatientDetails> unknown = fixture.transactions().fetchInTransaction(() -> queries.find(TestPermits.patient(A, "nobody")));

        assertThat(foreign).isEmpty();
        assertThat(unknown).isEmpty();
    }

    @Test
    void theDetail_mapsEveryDemographicField() {
        PatientDetails beth = fixture.transactions().fetchInTransaction(() -> queries.find(TestPermits.patient(A, "p-2"))).orElseThrow();

        assertThat(beth.names()).hasSize(2);
        assertThat(beth.names().get(0).family()).isEqualTo("Adams");
        assertThat(beth.names().get(0).given()).containsExactly("Beth");
        assertThat(beth.birthDate()).isEqualTo("1960-03-04");
        assertThat(beth.identifiers().get(0).value()).isEqualTo("MRN-Adams");
        assertThat(beth.addresses().get(0).lines()).containsExactly("1 Main St", "Apt 2");
        assertThat(beth.telecom().get(0).value()).isEqualTo("+1 555 0100");
        assertThat(beth.maritalStatus()).isEqualTo("M");
        assertThat(beth.deceased()).isFalse();
        assertThat(beth.version()).isZero();
    }

    @Test
    void aQueryOutsideATransaction_isRefused_becauseTheTenantBindingWouldNotHold() {
        assertThatThrownBy(() -> queries.find(TestPermits.patient(A, "p-2"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside a transaction");
    }

    @Test
    void aPermitThatEndedWithItsDoor_opensNothing() {
        assertThatThrownBy(() -> fixture.transactions().fetchInTransaction(() -> queries.find(TestPermits.closed(A, "p-2"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended with its door's transaction");
    }

    @Test
    void badPagingOrNameParameters_areInvalid_withAClearMessage() {
        assertThatThrownBy(() -> PatientSearch.parse(null, "0", null)).isInstanceOf(InvalidCommandException.class)
                .hasMessage("limit must be between 1 and 200, was 0");
        assertThatThrownBy(() -> PatientSearch.parse(null, "201", null)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> PatientSearch.parse(null, "ten", null)).isInstanceOf(InvalidCommandException.class)
                .hasMessage("limit must be a whole number, was 'ten'");
        assertThatThrownBy(() -> PatientSearch.parse(null, null, "-1")).isInstanceOf(InvalidCommandException.class)
                .hasMessageStartingWith("offset must be between 0 and");
        assertThatThrownBy(() -> PatientSearch.parse("x".repeat(101), null, null)).isInstanceOf(InvalidCommandException.class)
                .hasMessage("name may be at most 100 characters long");
    }
}
