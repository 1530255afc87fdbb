package dev.bonfire.policy;

import dev.bonfire.domain.common.RecordKind;
import java.util.Optional;

/**
 * The one decision engine behind every door. Deny is the default; each decision names the rule that
 * made it. Rules, in order:
 * <ol>
 *   <li>{@code caller-complete}: a caller without tenant, actor, role, purpose and via is refused;</li>
 *   <li>{@code tenancy}: a record or patient that is not in the caller's tenant is not found;</li>
 *   <li>{@code record-patient}: a record addressed through the wrong patient is not found;</li>
 *   <li>{@code minimum-necessary}: the role must be granted the record kind for the action;</li>
 *   <li>{@code psychotherapy-author}: an existing psychotherapy note is touched only by its author;</li>
 *   <li>{@code role-grant}: permitted.</li>
 * </ol>
 */
public final class AccessGate {

    private final RolePolicy roles;
    private final PolicyState state;

    public AccessGate(RolePolicy roles, PolicyState state) {
        this.roles = roles;
        this.state = state;
    }

    public Decision decide(AccessRequest request) {
        Caller caller = request.caller();
        if (caller == null || !caller.isComplete()) {
            return Decision.deny("caller-complete", "the request does not name its tenant, actor, role, purpose and via");
        }
        String tenant = caller.tenantId();
        RecordKind kind = request.kind();
        String patientId = request.patientId();

        if (request.recordId() != null && !request.creates()) {
            Optional<RecordEntry> record = state.findRecord(tenant, request.recordId());
            if (record.isEmpty()) {
                return Decision.notFound("tenancy");
            }
            RecordEntry entry = record.get();
            if (patientId != null && !patientId.equals(entry.patientId())) {
                return Decision.notFound("record-patient");
            }
            kind = entry.kind();
            patientId = entry.patientId();
            if (kind == RecordKind.PSYCHOTHERAPY_NOTE && !caller.actorId().equals(entry.authorId())) {
                return roleAllows(caller, request.action(), kind)
                        ? Decision.deny("psychotherapy-author", "psychotherapy notes are open to their author only")
                        : minimumNecessaryDenial(caller, request.action(), kind);
            }
        }
        if (patientId != null && !(request.creates() && kind == RecordKind.DEMOGRAPHICS && patientId.equals(request.recordId()))) {
            Optional<RecordEntry> patient = state.findRecord(tenant, patientId);
            if (patient.isEmpty() || patient.get().kind() != RecordKind.DEMOGRAPHICS) {
                return Decision.notFound("tenancy");
            }
        }
        if (kind == null) {
            return Decision.deny("minimum-necessary", "the request does not name a record kind");
        }
        if (!roleAllows(caller, request.action(), kind)) {
            return minimumNecessaryDenial(caller, request.action(), kind);
        }
        return Decision.permit("role-grant", "role " + caller.role() + " may " + verb(request.action()) + " " + kind);
    }

    private boolean roleAllows(Caller caller, Action action, RecordKind kind) {
        return roles.grantOf(caller.role()).map(g -> g.allows(action, kind)).orElse(false);
    }

    private static Decision minimumNecessaryDenial(Caller caller, Action action, RecordKind kind) {
        return Decision.deny("minimum-necessary", "role " + caller.role() + " may not " + verb(action) + " " + kind);
    }

    private static String verb(Action action) {
        return action.isWrite() ? "write" : "read";
    }
}
