package dev.bonfire.app.health;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import org.reactivestreams.Publisher;

/** {@code /health} is DOWN (503) when PostgreSQL does not answer {@code select 1} within two seconds. */
@Singleton
final class DatabaseHealthIndicator implements HealthIndicator {

    private final HikariDataSource dataSource;

    DatabaseHealthIndicator(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(check());
    }

    private HealthResult check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return HealthResult.builder("database", HealthStatus.UP).build();
        } catch (Exception e) {
            return HealthResult.builder("database", HealthStatus.DOWN).build();
        }
    }
}
