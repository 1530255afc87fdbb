package dev.bonfire.query.read;

import static dev.bonfire.query.schema.Tables.PATIENT_VIEW;

import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.api.AddressView;
import dev.bonfire.query.api.ContactPointView;
import dev.bonfire.query.api.IdentifierView;
import dev.bonfire.query.api.NameView;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.PatientDetails;
import dev.bonfire.query.api.PatientSummary;
import dev.bonfire.query.schema.tables.records.PatientViewRecord;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.jooq.Condition;

/**
 * Patients of one tenant: a paged list sorted by family then given name, and one patient's
 * demographics. Every query takes the door's {@link Permit}: the tenant, the patient and, for the
 * list, the patient scope come from the gate's decision, not from the caller.
 */
@Singleton
public class PatientQueries {

    private final TenantConnections connections;

    public PatientQueries(ConnectionProvider connections) {
        this.connections = new TenantConnections(connections);
    }

    /**
     * One page of the tenant's patients within the caller's scope, sorted by family name, then given
     * names, then id (patients without a family name last). {@code total} counts the same patients.
     *
     * @param permit a tenant-wide permit: its scope keeps rows and total to the patients the caller may see
     */
    public Page<PatientSummary> list(Permit permit, PatientSearch search) {
        String tenantId = permit.tenantId();
        Condition where = PATIENT_VIEW.TENANT_ID.eq(tenantId).and(permit.scope().condition(PATIENT_VIEW.ID));
        if (search.name() != null) {
            where = where.and(PATIENT_VIEW.NAME_SEARCH.containsIgnoreCase(search.name()));
        }
        Condition filter = where;
        Paging paging = search.paging();
        return connections.apply(tenantId, dsl -> {
            long total = dsl.fetchCount(PATIENT_VIEW, filter);
            var items = dsl.selectFrom(PATIENT_VIEW)
                    .where(filter)
                    .orderBy(PATIENT_VIEW.FAMILY.asc().nullsLast(), PATIENT_VIEW.GIVEN.asc().nullsLast(), PATIENT_VIEW.ID.asc())
                    .limit(paging.limit())
                    .offset(paging.offset())
                    .fetch(PatientQueries::summary);
            return new Page<>(items, total, paging.limit(), paging.offset());
        });
    }

    /** The permitted patient's demographics, or empty when the read model has no such patient (yet). */
    public Optional<PatientDetails> find(Permit permit) {
        String tenantId = permit.tenantId();
        String patientId = permit.patientId();
        return connections.apply(tenantId, dsl -> dsl.selectFrom(PATIENT_VIEW)
                .where(PATIENT_VIEW.TENANT_ID.eq(tenantId).and(PATIENT_VIEW.ID.eq(patientId)))
                .fetchOptional(PatientQueries::details));
    }

    private static PatientSummary summary(PatientViewRecord r) {
        return new PatientSummary(r.getId(), r.getFamily(), r.getGiven(), r.getGender(), r.getBirthDate(), r.getDeceased());
    }

    private static PatientDetails details(PatientViewRecord r) {
        return new PatientDetails(
                r.getId(),
                ViewJson.readList(r.getNames(), NameView.class),
                r.getGender(),
                r.getBirthDate(),
                r.getDeceased(),
                r.getDeceasedAt(),
                ViewJson.readList(r.getIdentifiers(), IdentifierView.class),
                ViewJson.readList(r.getAddresses(), AddressView.class),
                ViewJson.readList(r.getTelecom(), ContactPointView.class),
                r.getMaritalStatus(),
                r.getVersion());
    }
}
