package dev.bonfire.app.support;

import dev.bonfire.app.auth.DevelopmentTokens;
import dev.bonfire.policy.testing.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that run the real server: real HTTP, real PostgreSQL (a fresh schema per test
 * class), real Axon. Subclasses are annotated {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerTest implements TestPropertyProvider {

    protected static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

    private TestDatabase database;

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected io.micronaut.context.ApplicationContext applicationContext;

    @Override
    public Map<String, String> getProperties() {
        database = TestDatabase.migrated();
        return Map.of(
                "bonfire.database.url", TestDatabase.required("BONFIRE_TEST_DATABASE_URL"),
                "bonfire.database.user", TestDatabase.required("BONFIRE_TEST_DATABASE_USER"),
                "bonfire.database.password", TestDatabase.required("BONFIRE_TEST_DATABASE_PASSWORD"),
                "bonfire.database.schema", database.schema(),
                "micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET,
                "micronaut.server.port", "-1");
    }

    @AfterAll
    void dropDatabase() {
        // stop Axon's processors before their tables go away
        applicationContext.findBean(org.axonframework.config.Configuration.class).ifPresent(org.axonframework.config.Configuration::shutdown);
        if (database != null) {
            database.close();
        }
    }

    protected TestDatabase database() {
        return database;
    }

    protected Api api() {
        return new Api(server.getURI());
    }

    protected static String token(String user, String tenant, String role) {
        return DevelopmentTokens.mint(JWT_SECRET, user, tenant, role, "TREAT", "test-suite", Duration.ofHours(1));
    }

    /** A single number from SQL run as the owner of the test schema (bypasses nothing: RLS is forced). */
    protected long count(String sql, Object... params) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Domain events in the store (access records, which every door appends, left out). */
    protected long eventCount() {
        return count("select count(*) from domain_event_entry where payload_type <> ?", AccessRecords.TYPE);
    }

    /** The access records (every door's audit of every decision) in this test's schema. */
    protected AccessRecords accessRecords() {
        return new AccessRecords(database.dataSource());
    }
}
