package dev.bonfire.query.read;

import static dev.bonfire.query.schema.Tables.CONDITION_VIEW;

import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.api.ConceptView;
import dev.bonfire.query.api.ConditionDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.schema.tables.records.ConditionViewRecord;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.Condition;

/** A patient's conditions, newest onset first. */
@Singleton
public class ConditionQueries {

    private final TenantConnections connections;

    public ConditionQueries(ConnectionProvider connections) {
        this.connections = new TenantConnections(connections);
    }

    /**
     * One page of the patient's conditions matching the search, by onset, newest first (no onset last),
     * then id. The date range is tested against {@code onset} by overlap (see {@link DateRange});
     * entered-in-error conditions are left out unless asked for.
     */
    public Page<ConditionDetails> ofPatient(Permit permit, ClinicalSearch search) {
        String tenantId = permit.tenantId();
        String patientId = permit.patientId();
        Condition where = CONDITION_VIEW.TENANT_ID.eq(tenantId)
                .and(CONDITION_VIEW.PATIENT_ID.eq(patientId))
                .and(search.code().on(CONDITION_VIEW.CODE_CONCEPT))
                .and(Ranges.overlaps(CONDITION_VIEW.ONSET_LOWER, CONDITION_VIEW.ONSET_UPPER, search.range()));
        if (!search.includeEnteredInError()) {
            where = where.and(CONDITION_VIEW.ENTERED_IN_ERROR.isFalse());
        }
        Condition filter = where;
        Paging paging = search.paging();
        return connections.apply(tenantId, dsl -> {
            long total = dsl.fetchCount(CONDITION_VIEW, filter);
            var items = dsl.selectFrom(CONDITION_VIEW)
                    .where(filter)
                    .orderBy(CONDITION_VIEW.ONSET_LOWER.desc().nullsLast(), CONDITION_VIEW.ID.asc())
                    .limit(paging.limit())
                    .offset(paging.offset())
                    .fetch(ConditionQueries::details);
            return new Page<>(items, total, paging.limit(), paging.offset());
        });
    }

    /**
     * The permitted record of the permitted patient, or empty when the read model has no such condition of
     * that patient (yet); entered-in-error records included, flagged.
     */
    public Optional<ConditionDetails> find(Permit permit) {
        String tenantId = permit.tenantId();
        return connections.apply(tenantId, dsl -> dsl.selectFrom(CONDITION_VIEW)
                .where(CONDITION_VIEW.TENANT_ID.eq(tenantId)
                        .and(CONDITION_VIEW.ID.eq(permit.recordId()))
                        .and(CONDITION_VIEW.PATIENT_ID.eq(permit.patientId())))
                .fetchOptional(ConditionQueries::details));
    }

    private static ConditionDetails details(ConditionViewRecord r) {
        return new ConditionDetails(
                r.getId(),
                r.getPatientId(),
                r.getEncounterId(),
                r.getClinicalStatus(),
                r.getVerificationStatus(),
                ViewJson.readList(r.getCategories(), ConceptView.class),
                ViewJson.read(r.getCodeConcept(), ConceptView.class),
                r.getOnset(),
                r.getAbatement(),
                r.getRecordedDate(),
                r.getEnteredInError(),
                r.getEnteredInErrorReason(),
                r.getVersion());
    }
}
