package dev.bonfire.policy.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.testing.TestDatabase;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Search parameters become keyed digests: stable per tenant, different across tenants, never the values. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryDigestsTest {

    private static final String DOOR = "GET /api/patients";

    private TestDatabase database;
    private ThreadBoundTransactions transactions;

    @BeforeAll
    void start() {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void theSameSearch_hasTheSameDigest_whateverTheParameterOrder_andItHoldsNoValue() {
        QueryDigests digests = new QueryDigests(transactions);
        Map<String, String> one = new LinkedHashMap<>();
        one.put("name", "Quillfeather");
        one.put("limit", "10");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("limit", "10");
        other.put("name", "Quillfeather");
        other.put("offset", null);

        String digest = digests.digest("tenant-a", DOOR, one);

        assertThat(digest).isEqualTo(digests.digest("tenant-a", DOOR, other)).startsWith("hmac-sha256:").hasSize(12 + 64);
        assertThat(digest).doesNotContainIgnoringCase("quillfeather");
        assertThat(digests.digest("tenant-a", DOOR, Map.of("name", "Quillfeathers"))).isNotEqualTo(digest);
        assertThat(digests.digest("tenant-a", "GET /api/other", one)).isNotEqualTo(digest);
    }

    @Test
    void tenantsHaveKeysOfTheirOwn_soTheirDigestsCannotBeCompared() {
        QueryDigests digests = new QueryDigests(transactions);

        assertThat(digests.digest("tenant-a", DOOR, Map.of("name", "Smith")))
                .isNotEqualTo(digests.digest("tenant-b", DOOR, Map.of("name", "Smith")));
    }

    @Test
    void theKeyIsStored_soAnotherProcessComputesTheSameDigest_evenWhenTheFirstRequestRolledBack() {
        Transaction rolledBack = transactions.startTransaction();
        String first = new QueryDigests(transactions).digest("tenant-c", DOOR, Map.of("name", "Smith"));
        rolledBack.rollback();

        assertThat(new QueryDigests(transactions).digest("tenant-c", DOOR, Map.of("name", "Smith"))).isEqualTo(first);
    }

    @Test
    void noParameters_orNoTenant_meanNoDigest() {
        QueryDigests digests = new QueryDigests(transactions);
        Map<String, String> blank = new HashMap<>();
        blank.put("name", " ");
        blank.put("limit", null);

        assertThat(digests.digest("tenant-a", DOOR, Map.of())).isNull();
        assertThat(digests.digest("tenant-a", DOOR, blank)).isNull();
        assertThat(digests.digest(null, DOOR, Map.of("name", "Smith"))).isNull();
    }
}
