package dev.bonfire.query.read;

import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.access.Permit;
import dev.bonfire.query.api.HistoryEntry;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.support.TenantConnections;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.Condition;

/**
 * A patient's change history: every event of every record of the patient, from the event log, as
 * type, time, actor and version, oldest first. The patient's records come from policy state (kept in
 * the caller's tenant by row-level security); kinds, and psychotherapy notes one by one, that the
 * permit does not also allow are left out.
 */
@Singleton
public class PatientHistory {

    private final TenantConnections connections;
    private final EventStore events;

    public PatientHistory(ConnectionProvider connections, EventStore events) {
        this.connections = new TenantConnections(connections);
        this.events = events;
    }

    /**
     * One page of the permitted patient's history.
     *
     * @param kind only records of this kind, or {@code null} for every kind the permit allows
     */
    public Page<HistoryEntry> of(Permit permit, RecordKind kind, Paging paging) {
        String tenantId = permit.tenantId();
        String patientId = permit.patientId();
        Condition where = POLICY_RECORD.TENANT_ID.eq(tenantId).and(POLICY_RECORD.PATIENT_ID.eq(patientId));
        if (kind != null) {
            where = where.and(POLICY_RECORD.KIND.eq(kind.name()));
        }
        Condition filter = where;
        var records = connections.apply(tenantId, dsl -> dsl.select(POLICY_RECORD.RECORD_ID, POLICY_RECORD.KIND)
                .from(POLICY_RECORD).where(filter).orderBy(POLICY_RECORD.RECORD_ID).fetch());
        Map<RecordKind, Boolean> allowedKinds = new EnumMap<>(RecordKind.class);
        List<HistoryEntry> entries = new ArrayList<>();
        for (var record : records) {
            String recordId = record.value1();
            RecordKind recordKind = RecordKind.valueOf(record.value2());
            boolean allowed = recordKind == RecordKind.PSYCHOTHERAPY_NOTE
                    ? permit.allows(recordKind, recordId)
                    : allowedKinds.computeIfAbsent(recordKind, k -> permit.allows(k, null));
            if (allowed) {
                entries.addAll(historyOf(recordId, recordKind));
            }
        }
        entries.sort(Comparator.comparing(HistoryEntry::time).thenComparing(HistoryEntry::recordId)
                .thenComparingLong(HistoryEntry::version));
        int from = Math.min(paging.offset(), entries.size());
        int to = Math.min(from + paging.limit(), entries.size());
        return new Page<>(List.copyOf(entries.subList(from, to)), entries.size(), paging.limit(), paging.offset());
    }

    private List<HistoryEntry> historyOf(String recordId, RecordKind kind) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = events.readEvents(recordId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(new HistoryEntry(recordId, kind.name(), event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp().toString(), string(event, MetadataKeys.ACTOR_ID), string(event, MetadataKeys.ACTOR_ROLE)));
        }
        return entries;
    }

    private static String string(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
