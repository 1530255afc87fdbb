package dev.bonfire.policy.state;

import static dev.bonfire.policy.state.schema.Tables.POLICY_ASSIGNMENT;
import static dev.bonfire.policy.state.schema.Tables.POLICY_BREAK_GLASS;
import static dev.bonfire.policy.state.schema.Tables.POLICY_CLINICIAN;
import static dev.bonfire.policy.state.schema.Tables.POLICY_CONSENT;
import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;
import static dev.bonfire.policy.state.schema.Tables.POLICY_TENANT;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.BreakGlassAccess;
import dev.bonfire.policy.ConsentState;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.state.schema.tables.records.PolicyRecordRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Reads policy state in the caller's transaction, scoped to the caller's tenant (and by row-level
 * security). Refuses to read outside a transaction: the tenant binding and the patient lock live only
 * as long as one.
 */
public final class JdbcPolicyState implements PolicyState {

    private final ConnectionProvider connections;

    public JdbcPolicyState(ConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public Optional<RecordEntry> findRecord(String tenantId, String recordId) {
        return query(tenantId, sql -> sql.selectFrom(POLICY_RECORD)
                .where(POLICY_RECORD.TENANT_ID.eq(tenantId).and(POLICY_RECORD.RECORD_ID.eq(recordId)))
                .fetchOptional()
                .map(JdbcPolicyState::entry));
    }

    @Override
    public Optional<RecordEntry> lockPatient(String tenantId, String patientId) {
        return query(tenantId, sql -> sql.selectFrom(POLICY_RECORD)
                .where(POLICY_RECORD.TENANT_ID.eq(tenantId).and(POLICY_RECORD.RECORD_ID.eq(patientId)))
                .forShare()
                .fetchOptional()
                .map(JdbcPolicyState::entry));
    }

    @Override
    public Optional<RecordEntry> lockPatientForChange(String tenantId, String patientId) {
        return query(tenantId, sql -> sql.selectFrom(POLICY_RECORD)
                .where(POLICY_RECORD.TENANT_ID.eq(tenantId).and(POLICY_RECORD.RECORD_ID.eq(patientId)))
                .forNoKeyUpdate()
                .fetchOptional()
                .map(JdbcPolicyState::entry));
    }

    @Override
    public TenantPolicy policyOf(String tenantId) {
        return query(tenantId, sql -> sql.select(POLICY_TENANT.DOCUMENT).from(POLICY_TENANT)
                .where(POLICY_TENANT.TENANT_ID.eq(tenantId))
                .fetchOptional(POLICY_TENANT.DOCUMENT)
                .map(TenantPolicyDocuments::parse)
                .orElseGet(TenantPolicy::defaults));
    }

    @Override
    public boolean isAssigned(String tenantId, String patientId, String userId) {
        return query(tenantId, sql -> sql.fetchExists(POLICY_ASSIGNMENT, POLICY_ASSIGNMENT.TENANT_ID.eq(tenantId)
                .and(POLICY_ASSIGNMENT.PATIENT_ID.eq(patientId))
                .and(POLICY_ASSIGNMENT.CLINICIAN_USER_ID.eq(userId))
                .and(POLICY_ASSIGNMENT.ACTIVE.isTrue())));
    }

    @Override
    public ConsentState consentOf(String tenantId, String patientId, String purpose, String userId, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return query(tenantId, sql -> {
            var consents = sql.select(POLICY_CONSENT.ACTIVE, POLICY_CONSENT.PERIOD_START, POLICY_CONSENT.PERIOD_END)
                    .from(POLICY_CONSENT)
                    .where(POLICY_CONSENT.TENANT_ID.eq(tenantId)
                            .and(POLICY_CONSENT.PATIENT_ID.eq(patientId))
                            .and(POLICY_CONSENT.PURPOSE.eq(purpose))
                            .and(POLICY_CONSENT.ACTOR_USER_ID.isNull().or(POLICY_CONSENT.ACTOR_USER_ID.eq(userId))))
                    .fetch();
            if (consents.isEmpty()) {
                return ConsentState.ABSENT;
            }
            boolean active = consents.stream().anyMatch(c -> c.value1()
                    && (c.value2() == null || !c.value2().isAfter(at))
                    && (c.value3() == null || c.value3().isAfter(at)));
            return active ? ConsentState.ACTIVE : ConsentState.NOT_ACTIVE;
        });
    }

    @Override
    public Optional<BreakGlassAccess> breakGlassOf(String tenantId, String patientId, String userId, Instant openedAfter) {
        return query(tenantId, sql -> sql.selectFrom(POLICY_BREAK_GLASS)
                .where(POLICY_BREAK_GLASS.TENANT_ID.eq(tenantId)
                        .and(POLICY_BREAK_GLASS.PATIENT_ID.eq(patientId))
                        .and(POLICY_BREAK_GLASS.ACTOR_USER_ID.eq(userId))
                        .and(POLICY_BREAK_GLASS.STARTED_AT.gt(openedAfter.atOffset(ZoneOffset.UTC))))
                .orderBy(POLICY_BREAK_GLASS.STARTED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(r -> new BreakGlassAccess(r.getBreakGlassId(), r.getReason(), r.getStartedAt().toInstant())));
    }

    @Override
    public boolean isEnrolledClinician(String tenantId, String userId) {
        return query(tenantId, sql -> sql.fetchExists(POLICY_CLINICIAN,
                POLICY_CLINICIAN.TENANT_ID.eq(tenantId).and(POLICY_CLINICIAN.USER_ID.eq(userId))));
    }

    private <T> T query(String tenantId, Function<DSLContext, T> query) {
        try (Connection connection = connections.getConnection()) {
            if (connection.getAutoCommit()) {
                // the tenant setting is transaction-local and the patient lock lasts as long as the transaction:
                // outside one, row-level security would hide every row and the gate would decide on nothing
                throw new IllegalStateException("policy state is read inside the door's transaction; start one first");
            }
            TenantSql.bind(connection, tenantId);
            return query.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("policy state unavailable", e);
        }
    }

    private static RecordEntry entry(PolicyRecordRecord r) {
        return new RecordEntry(r.getTenantId(), r.getRecordId(), RecordKind.valueOf(r.getKind()), r.getPatientId(), r.getAuthorId());
    }
}
