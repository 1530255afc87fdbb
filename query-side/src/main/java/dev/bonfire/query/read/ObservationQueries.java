package dev.bonfire.query.read;

import static dev.bonfire.query.schema.Tables.OBSERVATION_VIEW;

import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.api.ComponentView;
import dev.bonfire.query.api.ConceptView;
import dev.bonfire.query.api.ObservationDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.QuantityView;
import dev.bonfire.query.api.ValueView;
import dev.bonfire.query.schema.tables.records.ObservationViewRecord;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.Condition;

/** A patient's observations, filtered by code and by effective date range, newest first. */
@Singleton
public class ObservationQueries {

    private final TenantConnections connections;

    public ObservationQueries(ConnectionProvider connections) {
        this.connections = new TenantConnections(connections);
    }

    /**
     * One page of the patient's observations matching the search, by effective date, newest first
     * (undated last), then id. The date range is tested against {@code effective} by overlap (see
     * {@link DateRange}); entered-in-error observations are left out unless asked for.
     */
    public Page<ObservationDetails> ofPatient(Permit permit, ClinicalSearch search) {
        String tenantId = permit.tenantId();
        String patientId = permit.patientId();
        Condition where = OBSERVATION_VIEW.TENANT_ID.eq(tenantId)
                .and(OBSERVATION_VIEW.PATIENT_ID.eq(patientId))
                .and(search.code().on(OBSERVATION_VIEW.CODE_CONCEPT))
                .and(Ranges.overlaps(OBSERVATION_VIEW.EFFECTIVE_LOWER, OBSERVATION_VIEW.EFFECTIVE_UPPER, search.range()));
        if (!search.includeEnteredInError()) {
            where = where.and(OBSERVATION_VIEW.ENTERED_IN_ERROR.isFalse());
        }
        Condition filter = where;
        Paging paging = search.paging();
        return connections.apply(tenantId, dsl -> {
            long total = dsl.fetchCount(OBSERVATION_VIEW, filter);
            var items = dsl.selectFrom(OBSERVATION_VIEW)
                    .where(filter)
                    .orderBy(OBSERVATION_VIEW.EFFECTIVE_LOWER.desc().nullsLast(), OBSERVATION_VIEW.ID.asc())
                    .limit(paging.limit())
                    .offset(paging.offset())
                    .fetch(ObservationQueries::details);
            return new Page<>(items, total, paging.limit(), paging.offset());
        });
    }

    /**
     * The permitted record of the permitted patient, or empty when the read model has no such observation of
     * that patient (yet); entered-in-error records included, flagged.
     */
    public Optional<ObservationDetails> find(Permit permit) {
        String tenantId = permit.tenantId();
        return connections.apply(tenantId, dsl -> dsl.selectFrom(OBSERVATION_VIEW)
                .where(OBSERVATION_VIEW.TENANT_ID.eq(tenantId)
                        .and(OBSERVATION_VIEW.ID.eq(permit.recordId()))
                        .and(OBSERVATION_VIEW.PATIENT_ID.eq(permit.patientId())))
                .fetchOptional(ObservationQueries::details));
    }

    private static ObservationDetails details(ObservationViewRecord r) {
        return new ObservationDetails(
                r.getId(),
                r.getPatientId(),
                r.getEncounterId(),
                r.getStatus(),
                ViewJson.readList(r.getCategories(), ConceptView.class),
                ViewJson.read(r.getCodeConcept(), ConceptView.class),
                r.getEffective(),
                r.getIssued(),
                value(r),
                ViewJson.readList(r.getComponents(), ComponentView.class),
                r.getAmended(),
                r.getAmendmentReason(),
                r.getEnteredInError(),
                r.getEnteredInErrorReason(),
                r.getVersion());
    }

    private static ValueView value(ObservationViewRecord r) {
        QuantityView quantity = r.getValueQuantity() == null ? null : new QuantityView(r.getValueQuantity().toPlainString(),
                r.getValueComparator(), r.getValueUnit(), r.getValueSystem(), r.getValueCode());
        ConceptView concept = ViewJson.read(r.getValueConcept(), ConceptView.class);
        if (quantity == null && concept == null && r.getValueText() == null && r.getValueBoolean() == null
                && r.getValueInteger() == null && r.getValueDateTime() == null) {
            return null;
        }
        return new ValueView(quantity, concept, r.getValueText(), r.getValueBoolean(), r.getValueInteger(), r.getValueDateTime());
    }
}
