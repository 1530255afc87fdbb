package dev.bonfire.query.read;

import static dev.bonfire.query.schema.Tables.ENCOUNTER_VIEW;

import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.api.CodingView;
import dev.bonfire.query.api.ConceptView;
import dev.bonfire.query.api.EncounterDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.PeriodView;
import dev.bonfire.query.api.ReferenceView;
import dev.bonfire.query.schema.tables.records.EncounterViewRecord;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.Condition;

/** A patient's encounters, newest first. */
@Singleton
public class EncounterQueries {

    private final TenantConnections connections;

    public EncounterQueries(ConnectionProvider connections) {
        this.connections = new TenantConnections(connections);
    }

    /** One page of the patient's encounters, by period start, newest first (undated last), then id. */
    public Page<EncounterDetails> ofPatient(Permit permit, Paging paging) {
        String tenantId = permit.tenantId();
        String patientId = permit.patientId();
        Condition where = ENCOUNTER_VIEW.TENANT_ID.eq(tenantId).and(ENCOUNTER_VIEW.PATIENT_ID.eq(patientId));
        return connections.apply(tenantId, dsl -> {
            long total = dsl.fetchCount(ENCOUNTER_VIEW, where);
            var items = dsl.selectFrom(ENCOUNTER_VIEW)
                    .where(where)
                    .orderBy(ENCOUNTER_VIEW.PERIOD_START_LOWER.desc().nullsLast(), ENCOUNTER_VIEW.ID.asc())
                    .limit(paging.limit())
                    .offset(paging.offset())
                    .fetch(EncounterQueries::details);
            return new Page<>(items, total, paging.limit(), paging.offset());
        });
    }

    /**
     * The permitted record of the permitted patient, or empty when the read model has no such encounter of
     * that patient (yet); entered-in-error records included, flagged.
     */
    public Optional<EncounterDetails> find(Permit permit) {
        String tenantId = permit.tenantId();
        return connections.apply(tenantId, dsl -> dsl.selectFrom(ENCOUNTER_VIEW)
                .where(ENCOUNTER_VIEW.TENANT_ID.eq(tenantId)
                        .and(ENCOUNTER_VIEW.ID.eq(permit.recordId()))
                        .and(ENCOUNTER_VIEW.PATIENT_ID.eq(permit.patientId())))
                .fetchOptional(EncounterQueries::details));
    }

    private static EncounterDetails details(EncounterViewRecord r) {
        CodingView encounterClass = r.getClassCode() == null && r.getClassSystem() == null && r.getClassDisplay() == null
                ? null
                : new CodingView(r.getClassSystem(), r.getClassCode(), r.getClassDisplay());
        PeriodView period = r.getPeriodStart() == null && r.getPeriodEnd() == null
                ? null
                : new PeriodView(r.getPeriodStart(), r.getPeriodEnd());
        return new EncounterDetails(
                r.getId(),
                r.getPatientId(),
                r.getStatus(),
                encounterClass,
                ViewJson.readList(r.getTypes(), ConceptView.class),
                period,
                ViewJson.readList(r.getReasons(), ConceptView.class),
                ViewJson.readList(r.getParticipants(), ReferenceView.class),
                ViewJson.read(r.getServiceProvider(), ReferenceView.class),
                ViewJson.read(r.getLocation(), ReferenceView.class),
                r.getVersion());
    }
}
