package dev.bonfire.app.wiring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bonfire.app.config.DatabaseSettings;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, migrated before anyone uses it, and the transactions shared by every module. */
@Factory
class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(DatabaseSettings settings) {
        DatabaseSettings db = settings.validated();
        migrate(db);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(db.poolSizeOrDefault());
        config.setPoolName("bonfire");
        if (db.schema() != null) {
            config.setSchema(db.schema());
        }
        return new HikariDataSource(config);
    }

    @Singleton
    ThreadBoundTransactions transactions(HikariDataSource dataSource) {
        return new ThreadBoundTransactions(dataSource);
    }

    /**
     * Flyway owns the whole schema, Axon's tables included; every module brings its own migrations under
     * db/migration, in its own version range (Axon's tables 1.x and policy state 10.x in policy,
     * command-side 20.x, query-side 30.x, FHIR 40.x). A module's new migration may sort below another module's applied one; the modules own
     * disjoint tables, so such a migration is applied out of order (docs/decisions/0004).
     */
    static void migrate(DatabaseSettings db) {
        var configuration = Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration")
                .outOfOrder(true);
        if (db.schema() != null) {
            configuration.schemas(db.schema()).createSchemas(true);
        }
        var result = configuration.load().migrate();
        LOG.info("database schema at version {} ({} migrations applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
