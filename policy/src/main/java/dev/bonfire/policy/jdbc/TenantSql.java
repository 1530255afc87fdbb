package dev.bonfire.policy.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The second wall: row-level security policies compare each row's tenant with the transaction-local
 * setting {@code bonfire.tenant}. A query that forgets its tenant filter still sees one tenant only,
 * and with no tenant set it sees nothing.
 */
public final class TenantSql {

    public static final String SETTING = "bonfire.tenant";

    private TenantSql() {
    }

    /** Sets the tenant for the rest of the current transaction on this connection. */
    public static void bind(Connection connection, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        try (PreparedStatement statement = connection.prepareStatement("select set_config('" + SETTING + "', ?, true)")) {
            statement.setString(1, tenantId);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the tenant to the transaction", e);
        }
    }
}
