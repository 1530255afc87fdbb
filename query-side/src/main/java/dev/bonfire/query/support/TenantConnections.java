package dev.bonfire.query.support;

import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Runs jOOQ work on the current transaction's connection with the tenant bound for row-level security.
 * The binding is transaction-local, so the work must run inside a transaction (outside one, the
 * binding would end with its own statement and every read would see nothing): that is refused.
 */
public final class TenantConnections {

    private final ConnectionProvider connections;

    public TenantConnections(ConnectionProvider connections) {
        this.connections = connections;
    }

    public <T> T apply(String tenantId, Function<DSLContext, T> work) {
        try (Connection connection = connections.getConnection()) {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("read-model access must run inside a transaction: "
                        + "the tenant binding for row-level security is transaction-local");
            }
            TenantSql.bind(connection, tenantId);
            return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("read models unavailable", e);
        }
    }

    /**
     * Work that needs no tenant and no transaction (a TRUNCATE before a replay). Never use it to read
     * or write rows: with no tenant bound, row-level security shows and accepts none.
     */
    public <T> T applyUnbound(Function<DSLContext, T> work) {
        try (Connection connection = connections.getConnection()) {
            return work.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("read models unavailable", e);
        }
    }
}
