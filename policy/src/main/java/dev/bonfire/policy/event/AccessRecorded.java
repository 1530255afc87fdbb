package dev.bonfire.policy.event;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Decision;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One gated operation, permitted or not: appended to the event log by the door before it returns data
 * (for a denied write, in a transaction of its own, since the write's rolls back). Holds identifiers,
 * never clinical content: search parameters are kept only as a keyed digest. Who asked (tenant,
 * actor, role, purpose, via) and the correlation id are in the metadata, as on every event.
 * <p>
 * Stored by class name: keep it top-level, here, and its fields as they are (a change is an upcaster).
 *
 * @param door             the door, as {@code METHOD /route/{template}} (for example {@code GET /api/patients/{id}})
 *                         or {@code command-bus} for commands sent from inside the server
 * @param action           what the door did
 * @param kind             the record kind asked for, or {@code null} when the request named none
 * @param patientIds       the patients asked about or returned (for lists: those returned)
 * @param recordIds        the records asked for, returned or written
 * @param outcome          {@code PERMIT}, {@code DENY} or {@code NOT_FOUND}
 * @param rule             the rule that decided (see {@link dev.bonfire.policy.AccessGate})
 * @param breakGlassReason the stated reason when break-the-glass opened the access, else {@code null}
 * @param queryDigest      {@code hmac-sha256:<hex>} of the request's search parameters under the tenant's
 *                         digest key, or {@code null} when it had none
 * @param resultCount      how many records the door returned or wrote
 */
public record AccessRecorded(String door, Action action, RecordKind kind, List<String> patientIds, List<String> recordIds,
                             Decision.Outcome outcome, String rule, String breakGlassReason, String queryDigest,
                             int resultCount) {

    public AccessRecorded {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        patientIds = ids(patientIds);
        recordIds = ids(recordIds);
    }

    /** The record of a decision that was not a permit: nothing was returned or written. */
    public static AccessRecorded refused(String door, Action action, RecordKind kind, Collection<String> patientIds,
                                         Collection<String> recordIds, Decision decision, String queryDigest) {
        return new AccessRecorded(door, action, kind, ids(patientIds), ids(recordIds), decision.outcome(), decision.rule(),
                decision.breakGlassReason(), queryDigest, 0);
    }

    /** The record of a permitted operation and what it returned or wrote. */
    public static AccessRecorded permitted(String door, Action action, RecordKind kind, Collection<String> patientIds,
                                           Collection<String> recordIds, Decision decision, String queryDigest, int resultCount) {
        return new AccessRecorded(door, action, kind, ids(patientIds), ids(recordIds), decision.outcome(), decision.rule(),
                decision.breakGlassReason(), queryDigest, resultCount);
    }

    private static List<String> ids(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null) {
                kept.add(id);
            }
        }
        return List.copyOf(kept);
    }
}
