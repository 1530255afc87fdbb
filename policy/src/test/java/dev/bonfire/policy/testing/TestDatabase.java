package dev.bonfire.policy.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh schema in the real test PostgreSQL, migrated by every Flyway migration on the test classpath.
 * The database comes from {@code BONFIRE_TEST_DATABASE_URL}, {@code _USER} and {@code _PASSWORD}
 * (written by {@code scripts/postgres ensure}); without it the test fails, it does not skip.
 */
public final class TestDatabase implements AutoCloseable {

    private final String schema;
    private final HikariDataSource dataSource;

    private TestDatabase(String schema, HikariDataSource dataSource) {
        this.schema = schema;
        this.dataSource = dataSource;
    }

    public static TestDatabase migrated() {
        String url = required("BONFIRE_TEST_DATABASE_URL");
        String user = required("BONFIRE_TEST_DATABASE_USER");
        String password = required("BONFIRE_TEST_DATABASE_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(8);
        config.setPoolName("test-" + schema);
        return new TestDatabase(schema, new HikariDataSource(config));
    }

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests through scripts/test "
                    + "(or source .bonfire/postgres.env after scripts/postgres ensure)");
        }
        return value;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        } finally {
            dataSource.close();
        }
    }
}
