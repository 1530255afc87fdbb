package dev.bonfire.policy;

import dev.bonfire.domain.common.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policy state in memory, for deciding without a database: the same answers as
 * {@link dev.bonfire.policy.state.JdbcPolicyState} over the same facts. Every fact is keyed by tenant,
 * so a lookup in one tenant never sees another's. Not thread-safe; one per test.
 */
final class InMemoryPolicyState implements PolicyState {

    private final Map<String, RecordEntry> records = new HashMap<>();
    private final Map<String, TenantPolicy> policies = new HashMap<>();
    private final Map<String, Assignment> assignments = new HashMap<>();
    private final List<Consent> consents = new ArrayList<>();
    private final List<Glass> breakGlass = new ArrayList<>();
    private final Set<String> clinicians = new HashSet<>();
    private final List<String> locks = new ArrayList<>();

    /** One consent as the projector keeps it: purpose, optional period and actor, withdrawn or not. */
    private static final class Consent {
        final String tenantId;
        final String consentId;
        final String patientId;
        final String purpose;
        final Instant start;
        final Instant end;
        final String actorUserId;
        boolean active = true;

        Consent(String tenantId, String consentId, String patientId, String purpose, Instant start, Instant end, String actorUserId) {
            this.tenantId = tenantId;
            this.consentId = consentId;
            this.patientId = patientId;
            this.purpose = purpose;
            this.start = start;
            this.end = end;
            this.actorUserId = actorUserId;
        }

        boolean appliesTo(String tenant, String patient, String purposeOfUse, String user) {
            return tenantId.equals(tenant) && patientId.equals(patient) && purpose.equals(purposeOfUse)
                    && (actorUserId == null || actorUserId.equals(user));
        }

        boolean inEffectAt(Instant now) {
            return active && (start == null || !start.isAfter(now)) && (end == null || end.isAfter(now));
        }
    }

    private record Assignment(String tenantId, String patientId, String userId, boolean active) {
    }

    private record Glass(String tenantId, String patientId, String userId, BreakGlassAccess access) {
    }

    // --- facts, named after the events that create them ---

    InMemoryPolicyState patientRegistered(String tenantId, String patientId) {
        return record(tenantId, patientId, RecordKind.DEMOGRAPHICS, patientId, "registrar");
    }

    InMemoryPolicyState record(String tenantId, String recordId, RecordKind kind, String patientId, String authorId) {
        records.put(key(tenantId, recordId), new RecordEntry(tenantId, recordId, kind, patientId, authorId));
        return this;
    }

    InMemoryPolicyState policy(String tenantId, TenantPolicy policy) {
        policies.put(tenantId, policy);
        return this;
    }

    InMemoryPolicyState assigned(String tenantId, String assignmentId, String patientId, String userId) {
        assignments.putIfAbsent(key(tenantId, assignmentId), new Assignment(tenantId, patientId, userId, true));
        return this;
    }

    InMemoryPolicyState assignmentEnded(String tenantId, String assignmentId) {
        assignments.computeIfPresent(key(tenantId, assignmentId), (id, a) -> new Assignment(a.tenantId(), a.patientId(), a.userId(), false));
        return this;
    }

    InMemoryPolicyState consentGranted(String tenantId, String consentId, String patientId, String purpose) {
        return consentGranted(tenantId, consentId, patientId, purpose, null, null, null);
    }

    InMemoryPolicyState consentGranted(String tenantId, String consentId, String patientId, String purpose,
                                       Instant start, Instant end, String actorUserId) {
        consents.add(new Consent(tenantId, consentId, patientId, purpose, start, end, actorUserId));
        return this;
    }

    InMemoryPolicyState consentWithdrawn(String tenantId, String consentId) {
        consents.stream().filter(c -> c.tenantId.equals(tenantId) && c.consentId.equals(consentId)).forEach(c -> c.active = false);
        return this;
    }

    InMemoryPolicyState glassBroken(String tenantId, String breakGlassId, String patientId, String userId, String reason, Instant at) {
        breakGlass.add(new Glass(tenantId, patientId, userId, new BreakGlassAccess(breakGlassId, reason, at)));
        return record(tenantId, breakGlassId, RecordKind.BREAK_GLASS, patientId, userId);
    }

    InMemoryPolicyState clinicianEnrolled(String tenantId, String userId) {
        clinicians.add(key(tenantId, userId));
        return this;
    }

    /** The patient rows the gate locked, in order: "share tenant/patient" or "change tenant/patient". */
    List<String> locks() {
        return List.copyOf(locks);
    }

    // --- the interface ---

    @Override
    public Optional<RecordEntry> findRecord(String tenantId, String recordId) {
        return Optional.ofNullable(records.get(key(tenantId, recordId)));
    }

    @Override
    public Optional<RecordEntry> lockPatient(String tenantId, String patientId) {
        locks.add("share " + key(tenantId, patientId));
        return findRecord(tenantId, patientId);
    }

    @Override
    public Optional<RecordEntry> lockPatientForChange(String tenantId, String patientId) {
        locks.add("change " + key(tenantId, patientId));
        return findRecord(tenantId, patientId);
    }

    @Override
    public TenantPolicy policyOf(String tenantId) {
        return policies.getOrDefault(tenantId, TenantPolicy.defaults());
    }

    @Override
    public boolean isAssigned(String tenantId, String patientId, String userId) {
        return assignments.values().stream().anyMatch(a -> a.active() && a.tenantId().equals(tenantId)
                && a.patientId().equals(patientId) && a.userId().equals(userId));
    }

    @Override
    public ConsentState consentOf(String tenantId, String patientId, String purpose, String userId, Instant now) {
        List<Consent> applying = consents.stream().filter(c -> c.appliesTo(tenantId, patientId, purpose, userId)).toList();
        if (applying.isEmpty()) {
            return ConsentState.ABSENT;
        }
        return applying.stream().anyMatch(c -> c.inEffectAt(now)) ? ConsentState.ACTIVE : ConsentState.NOT_ACTIVE;
    }

    @Override
    public Optional<BreakGlassAccess> breakGlassOf(String tenantId, String patientId, String userId, Instant openedAfter) {
        return breakGlass.stream()
                .filter(g -> g.tenantId().equals(tenantId) && g.patientId().equals(patientId) && g.userId().equals(userId))
                .map(Glass::access)
                .filter(a -> a.startedAt().isAfter(openedAfter))
                .max(Comparator.comparing(BreakGlassAccess::startedAt));
    }

    @Override
    public boolean isEnrolledClinician(String tenantId, String userId) {
        return clinicians.contains(key(tenantId, userId));
    }

    private static String key(String... parts) {
        return String.join("/", parts);
    }
}
