package dev.bonfire.policy.state;

import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Reads policy state in the caller's transaction, scoped to the caller's tenant (and by row-level security). */
public final class JdbcPolicyState implements PolicyState {

    private final ConnectionProvider connections;

    public JdbcPolicyState(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public Optional<RecordEntry> findRecord(String tenantId, String recordId) {
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, tenantId);
            return DSL.using(connection, SQLDialect.POSTGRES)
                    .selectFrom(POLICY_RECORD)
                    .where(POLICY_RECORD.TENANT_ID.eq(tenantId).and(POLICY_RECORD.RECORD_ID.eq(recordId)))
                    .fetchOptional()
                    .map(r -> new RecordEntry(r.getTenantId(), r.getRecordId(), RecordKind.valueOf(r.getKind()),
                            r.getPatientId(), r.getAuthorId()));
        } catch (SQLException e) {
            throw new IllegalStateException("policy state unavailable", e);
        }
    }
}
