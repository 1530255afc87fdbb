package dev.bonfire.policy.state;

import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.condition.ConditionRecorded;
import dev.bonfire.domain.directory.LocationRegistered;
import dev.bonfire.domain.directory.OrganizationRegistered;
import dev.bonfire.domain.directory.PractitionerRegistered;
import dev.bonfire.domain.encounter.EncounterRecorded;
import dev.bonfire.domain.note.NoteDrafted;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Keeps {@code policy_record} in step with the log: every record-creating event registers its record,
 * kind, patient and author. Runs in the subscribing processing group {@value #GROUP}, inside the
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
