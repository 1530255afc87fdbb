package dev.bonfire.policy.state;

import static dev.bonfire.policy.state.schema.Tables.POLICY_ASSIGNMENT;
import static dev.bonfire.policy.state.schema.Tables.POLICY_BREAK_GLASS;
import static dev.bonfire.policy.state.schema.Tables.POLICY_CLINICIAN;
import static dev.bonfire.policy.state.schema.Tables.POLICY_CONSENT;
import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;
import static dev.bonfire.policy.state.schema.Tables.POLICY_TENANT;

import dev.bonfire.domain.breakglass.GlassBroken;
import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.careteam.CareTeamAssignmentEnded;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.consent.ConsentGranted;
import dev.bonfire.domain.consent.ConsentWithdrawn;
import dev.bonfire.domain.directory.ClinicianEnrolled;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.condition.ConditionRecorded;
import dev.bonfire.domain.directory.LocationRegistered;
import dev.bonfire.domain.directory.OrganizationRegistered;
import dev.bonfire.domain.directory.PractitionerRegistered;
import dev.bonfire.domain.encounter.EncounterRecorded;
import dev.bonfire.domain.note.NoteDrafted;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.policy.event.TenantPolicyChanged;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Keeps policy state in step with the log: every record-creating event registers its record, kind,
 * patient and author in {@code policy_record}; care-team, consent, break-the-glass, clinician and
 * tenant-policy events update their tables. Runs in the subscribing processing group {@value #GROUP}, inside the
 * transaction that appends the event. Idempotent: a replayed event changes nothing.
 */
@ProcessingGroup(PolicyRecordProjector.GROUP)
public final class PolicyRecordProjector {

    public static final String GROUP = "policy-state";

    private final ConnectionProvider connections;

    public PolicyRecordProjector(ConnectionProvider connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(PatientRegistered e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.patientId(), RecordKind.DEMOGRAPHICS, e.patientId(), actor);
    }

    @EventHandler
    void on(EncounterRecorded e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.encounterId(), RecordKind.ENCOUNTER, e.patientId(), actor);
    }

    @EventHandler
    void on(ObservationRecorded e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.observationId(), RecordKind.OBSERVATION, e.patientId(), actor);
    }

    @EventHandler
    void on(ConditionRecorded e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.conditionId(), RecordKind.CONDITION, e.patientId(), actor);
    }

    @EventHandler
    void on(NoteDrafted e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.noteId(), e.noteKind().recordKind(), e.patientId(), actor);
    }

    @EventHandler
    void on(PractitionerRegistered e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.practitionerId(), RecordKind.DIRECTORY, null, actor);
    }

    @EventHandler
    void on(OrganizationRegistered e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.organizationId(), RecordKind.DIRECTORY, null, actor);
    }

    @EventHandler
    void on(LocationRegistered e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.locationId(), RecordKind.DIRECTORY, null, actor);
    }

    @EventHandler
    void on(ClinicianEnrolled e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        register(tenant, e.clinicianId(), RecordKind.DIRECTORY, null, actor);
        write(tenant, sql -> sql.insertInto(POLICY_CLINICIAN)
                .set(POLICY_CLINICIAN.TENANT_ID, tenant)
                .set(POLICY_CLINICIAN.USER_ID, e.userId())
                .set(POLICY_CLINICIAN.CLINICIAN_ID, e.clinicianId())
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(AssignedToCareTeam e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor,
            @Timestamp Instant at) {
        register(tenant, e.assignmentId(), RecordKind.CARE_TEAM, e.patientId(), actor);
        write(tenant, sql -> sql.insertInto(POLICY_ASSIGNMENT)
                .set(POLICY_ASSIGNMENT.TENANT_ID, tenant)
                .set(POLICY_ASSIGNMENT.ASSIGNMENT_ID, e.assignmentId())
                .set(POLICY_ASSIGNMENT.PATIENT_ID, e.patientId())
                .set(POLICY_ASSIGNMENT.CLINICIAN_USER_ID, e.clinicianUserId())
                .set(POLICY_ASSIGNMENT.ACTIVE, true)
                .set(POLICY_ASSIGNMENT.CHANGED_AT, utc(at))
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(CareTeamAssignmentEnded e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @Timestamp Instant at) {
        write(tenant, sql -> {
            touchPatient(sql, tenant, e.patientId());
            return sql.update(POLICY_ASSIGNMENT)
                    .set(POLICY_ASSIGNMENT.ACTIVE, false)
                    .set(POLICY_ASSIGNMENT.CHANGED_AT, utc(at))
                    .where(POLICY_ASSIGNMENT.TENANT_ID.eq(tenant).and(POLICY_ASSIGNMENT.ASSIGNMENT_ID.eq(e.assignmentId())))
                    .execute();
        });
    }

    @EventHandler
    void on(ConsentGranted e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor,
            @Timestamp Instant at) {
        register(tenant, e.consentId(), RecordKind.CONSENT, e.patientId(), actor);
        write(tenant, sql -> sql.insertInto(POLICY_CONSENT)
                .set(POLICY_CONSENT.TENANT_ID, tenant)
                .set(POLICY_CONSENT.CONSENT_ID, e.consentId())
                .set(POLICY_CONSENT.PATIENT_ID, e.patientId())
                .set(POLICY_CONSENT.PURPOSE, e.purpose())
                .set(POLICY_CONSENT.PERIOD_START, e.period() == null || e.period().start() == null ? null : utc(e.period().start().lowerBound()))
                .set(POLICY_CONSENT.PERIOD_END, e.period() == null || e.period().end() == null ? null : utc(e.period().end().upperBound()))
                .set(POLICY_CONSENT.ACTOR_USER_ID, e.actorUserId())
                .set(POLICY_CONSENT.ACTIVE, true)
                .set(POLICY_CONSENT.CHANGED_AT, utc(at))
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(ConsentWithdrawn e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @Timestamp Instant at) {
        write(tenant, sql -> {
            touchPatient(sql, tenant, e.patientId());
            return sql.update(POLICY_CONSENT)
                    .set(POLICY_CONSENT.ACTIVE, false)
                    .set(POLICY_CONSENT.CHANGED_AT, utc(at))
                    .where(POLICY_CONSENT.TENANT_ID.eq(tenant).and(POLICY_CONSENT.CONSENT_ID.eq(e.consentId())))
                    .execute();
        });
    }

    @EventHandler
    void on(GlassBroken e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @MetaDataValue(MetadataKeys.ACTOR_ID) String actor,
            @Timestamp Instant at) {
        register(tenant, e.breakGlassId(), RecordKind.BREAK_GLASS, e.patientId(), actor);
        write(tenant, sql -> sql.insertInto(POLICY_BREAK_GLASS)
                .set(POLICY_BREAK_GLASS.TENANT_ID, tenant)
                .set(POLICY_BREAK_GLASS.BREAK_GLASS_ID, e.breakGlassId())
                .set(POLICY_BREAK_GLASS.PATIENT_ID, e.patientId())
                .set(POLICY_BREAK_GLASS.ACTOR_USER_ID, actor)
                .set(POLICY_BREAK_GLASS.REASON, e.reason())
                .set(POLICY_BREAK_GLASS.STARTED_AT, utc(at))
                .onConflictDoNothing()
                .execute());
    }

    /**
     * The newest document wins, by event time: a change delivered again, or an older one delivered late,
     * changes nothing, so the row ends the same whatever the delivery order (live or replayed).
     */
    @EventHandler
    void on(TenantPolicyChanged e, @MetaDataValue(MetadataKeys.TENANT) String tenant, @Timestamp Instant at) {
        write(tenant, sql -> sql.insertInto(POLICY_TENANT)
                .set(POLICY_TENANT.TENANT_ID, tenant)
                .set(POLICY_TENANT.DOCUMENT, e.document())
                .set(POLICY_TENANT.VERSION, 1L)
                .set(POLICY_TENANT.CHANGED_AT, utc(at))
                .onConflict(POLICY_TENANT.TENANT_ID)
                .doUpdate()
                .set(POLICY_TENANT.DOCUMENT, e.document())
                .set(POLICY_TENANT.VERSION, POLICY_TENANT.VERSION.plus(1))
                .set(POLICY_TENANT.CHANGED_AT, utc(at))
                .where(POLICY_TENANT.CHANGED_AT.lt(utc(at)))
                .execute());
    }

    /** Takes the patient's row lock: waits for reads already decided on the old state, and makes later ones wait for this change. */
    private static void touchPatient(DSLContext sql, String tenant, String patientId) {
        sql.update(POLICY_RECORD)
                .set(POLICY_RECORD.CREATED_AT, POLICY_RECORD.CREATED_AT)
                .where(POLICY_RECORD.TENANT_ID.eq(tenant).and(POLICY_RECORD.RECORD_ID.eq(patientId)))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private void write(String tenant, Function<DSLContext, Integer> statement) {
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, tenant);
            statement.apply(DSL.using(connection, SQLDialect.POSTGRES));
        } catch (SQLException e) {
            throw new IllegalStateException("could not update policy state", e);
        }
    }

    private void register(String tenant, String recordId, RecordKind kind, String patientId, String actor) {
        try (Connection connection = connections.getConnection()) {
            TenantSql.bind(connection, tenant);
            DSL.using(connection, SQLDialect.POSTGRES)
                    .insertInto(POLICY_RECORD)
                    .set(POLICY_RECORD.TENANT_ID, tenant)
                    .set(POLICY_RECORD.RECORD_ID, recordId)
                    .set(POLICY_RECORD.KIND, kind.name())
                    .set(POLICY_RECORD.PATIENT_ID, patientId)
                    .set(POLICY_RECORD.AUTHOR_ID, actor)
                    .onConflictDoNothing()
                    .execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update policy state", e);
        }
    }
}
