package dev.bonfire.policy;

import dev.bonfire.domain.common.PurposeOfUse;
import dev.bonfire.domain.common.RecordKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one decision engine behind every door. Deny is the default; every decision names the rule that
 * made it. Rules, in order:
 * <ol>
 *   <li>{@value #CALLER_COMPLETE}: a caller without tenant, actor, role, purpose and via is refused;</li>
 *   <li>{@value #PURPOSE_OF_USE}: a purpose that is not an HL7 PurposeOfUse code is refused (no free-text way
 *       around a withdrawn consent);</li>
 *   <li>{@value #TENANCY}: a record or patient that is not in the caller's tenant is not found (never "forbidden");</li>
 *   <li>{@value #RECORD_PATIENT}: a record addressed through another patient is not found;</li>
 *   <li>{@value #MINIMUM_NECESSARY}: the role must be granted the record kind for the action;</li>
 *   <li>{@value #PSYCHOTHERAPY_AUTHOR}: an existing psychotherapy note is open to its author, and for reading
 *       to roles granted the kind explicitly; searches and lists of psychotherapy notes, which cannot tell
 *       authors apart, need the explicit read grant;</li>
 *   <li>{@value #CONSENT}: a withdrawn or expired consent for the purpose closes the patient; under an opt-in
 *       policy so does an absent one. Consent records themselves are not behind consent: granting,
 *       withdrawing and reading them is how consent is managed;</li>
 *   <li>{@value #PATIENT_SCOPE}: roles that need an assignment reach only patients of their care team, unless
 *       {@value #BREAK_THE_GLASS} is open (purpose ETREAT, a role allowed to, within its time box);</li>
 *   <li>{@value #ROLE_GRANT}: permitted.</li>
 * </ol>
 * Tenant-wide lists and searches are decided with {@link #scope}: the same rules, turned into a filter.
 * Every decision about a patient locks the patient's row until the door's transaction ends (see
 * {@link PolicyState#lockPatient}), so a consent withdrawal or an assignment change and the reads it
 * affects are serialised: decide inside the transaction that then reads or writes the data.
 */
public final class AccessGate {

    public static final String CALLER_COMPLETE = "caller-complete";
    public static final String PURPOSE_OF_USE = "purpose-of-use";
    public static final String TENANCY = "tenancy";
    public static final String RECORD_PATIENT = "record-patient";
    public static final String MINIMUM_NECESSARY = "minimum-necessary";
    public static final String PSYCHOTHERAPY_AUTHOR = "psychotherapy-author";
    public static final String CONSENT = "consent";
    public static final String PATIENT_SCOPE = "patient-scope";
    public static final String BREAK_THE_GLASS = "break-the-glass";
    public static final String ROLE_GRANT = "role-grant";
    /** The HL7 PurposeOfUse code for emergency treatment: the only purpose that can break the glass. */
    public static final String EMERGENCY_PURPOSE = "ETREAT";

    private final PolicyState state;
    private final Clock clock;

    public AccessGate(PolicyState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public Decision decide(AccessRequest request) {
        Caller caller = request.caller();
        if (caller == null || !caller.isComplete()) {
            return Decision.deny(CALLER_COMPLETE, "the request does not name its tenant, actor, role, purpose and via");
        }
        if (!PurposeOfUse.isKnown(caller.purpose())) {
            return unknownPurpose();
        }
        String tenant = caller.tenantId();
        TenantPolicy policy = state.policyOf(tenant);
        RecordKind kind = request.kind();
        String patientId = request.patientId();
        RecordEntry existing = null;

        if (request.recordId() != null && !request.creates()) {
            Optional<RecordEntry> record = state.findRecord(tenant, request.recordId());
            if (record.isEmpty()) {
                return Decision.notFound(TENANCY);
            }
            existing = record.get();
            if (patientId != null && !patientId.equals(existing.patientId())) {
                return Decision.notFound(RECORD_PATIENT);
            }
            kind = existing.kind();
            patientId = existing.patientId();
        }
        boolean registersPatient = request.creates() && kind == RecordKind.DEMOGRAPHICS && patientId != null
                && patientId.equals(request.recordId());
        if (patientId != null && !registersPatient) {
            // a write that changes who may reach the patient queues behind reads and other such writes
            boolean changesReach = request.action().isWrite() && (kind == RecordKind.CONSENT || kind == RecordKind.CARE_TEAM);
            Optional<RecordEntry> patient = changesReach
                    ? state.lockPatientForChange(tenant, patientId)
                    : state.lockPatient(tenant, patientId);
            if (patient.isEmpty() || patient.get().kind() != RecordKind.DEMOGRAPHICS) {
                return Decision.notFound(TENANCY);
            }
        }
        if (kind == null) {
            return Decision.deny(MINIMUM_NECESSARY, "the request does not name a record kind");
        }

        boolean opensBreakGlass = kind == RecordKind.BREAK_GLASS && request.action().isWrite() && request.creates();
        if (opensBreakGlass) {
            if (!policy.breakGlassRoles().contains(caller.role()) || !EMERGENCY_PURPOSE.equals(caller.purpose())) {
                return Decision.deny(BREAK_THE_GLASS, "only roles allowed to break the glass may, with purpose " + EMERGENCY_PURPOSE);
            }
        } else {
            Decision kindDecision = decideKind(policy, caller, request.action(), kind, existing);
            if (kindDecision != null) {
                return kindDecision;
            }
        }
        if (patientId == null || registersPatient) {
            return Decision.permit(ROLE_GRANT, "role " + caller.role() + " may " + verb(request.action()) + " " + kind);
        }
        if (kind != RecordKind.CONSENT) {
            Decision consent = decideConsent(policy, caller, patientId);
            if (consent != null) {
                return consent;
            }
        }
        if (opensBreakGlass) {
            return Decision.permit(BREAK_THE_GLASS, "break-the-glass access opened by role " + caller.role());
        }
        return decideScope(policy, caller, request.action(), kind, patientId);
    }

    /**
     * Decides a tenant-wide list or search of one record kind. When permitted, the door must apply the
     * returned {@link PatientScope} so that rows and totals include only patients the caller may see.
     */
    public ScopedDecision scope(Caller caller, Action action, RecordKind kind) {
        if (caller == null || !caller.isComplete()) {
            return new ScopedDecision(Decision.deny(CALLER_COMPLETE, "the request does not name its tenant, actor, role, purpose and via"), null);
        }
        if (!PurposeOfUse.isKnown(caller.purpose())) {
            return new ScopedDecision(unknownPurpose(), null);
        }
        if (kind == null) {
            return new ScopedDecision(Decision.deny(MINIMUM_NECESSARY, "the request does not name a record kind"), null);
        }
        TenantPolicy policy = state.policyOf(caller.tenantId());
        Decision kindDecision = decideKind(policy, caller, action, kind, null);
        if (kindDecision != null) {
            return new ScopedDecision(kindDecision, null);
        }
        Instant now = clock.instant();
        PatientScope scope = new PatientScope(caller.tenantId(), caller.actorId(), caller.purpose(),
                policy.assignmentRequiredRoles().contains(caller.role()),
                EMERGENCY_PURPOSE.equals(caller.purpose()) && policy.breakGlassRoles().contains(caller.role()),
                now.minus(policy.breakGlassWindow()), kind != RecordKind.CONSENT, policy.consentModel(), now);
        return new ScopedDecision(Decision.permit(ROLE_GRANT, "role " + caller.role() + " may read " + kind + " of the patients in its scope"), scope);
    }

    /** A list decision and, when permitted, the filter that keeps it to the caller's patients. */
    public record ScopedDecision(Decision decision, PatientScope scope) {
    }

    private Decision decideKind(TenantPolicy policy, Caller caller, Action action, RecordKind kind, RecordEntry existing) {
        RoleGrant grant = policy.roles().grantOf(caller.role()).orElse(null);
        if (kind == RecordKind.PSYCHOTHERAPY_NOTE) {
            boolean explicitReader = grant != null && grant.reads().contains(kind);
            boolean authorRole = grant != null && grant.writes().contains(kind);
            boolean author = existing != null && caller.actorId().equals(existing.authorId());
            if (action.isWrite()) {
                if (!authorRole) {
                    return minimumNecessary(caller, action, kind);
                }
                return existing == null || author ? null
                        : Decision.deny(PSYCHOTHERAPY_AUTHOR, "a psychotherapy note is written by its author only");
            }
            if (explicitReader || author && authorRole) {
                return null;
            }
            if (!authorRole) {
                return minimumNecessary(caller, action, kind);
            }
            // a search or list cannot tell authors apart, so only an explicit read grant opens it
            return Decision.deny(PSYCHOTHERAPY_AUTHOR, existing == null
                    ? "searching psychotherapy notes needs an explicit read grant: they are open to their author one by one"
                    : "psychotherapy notes are open to their author only");
        }
        return grant != null && grant.allows(action, kind) ? null : minimumNecessary(caller, action, kind);
    }

    private Decision decideConsent(TenantPolicy policy, Caller caller, String patientId) {
        ConsentState consent = state.consentOf(caller.tenantId(), patientId, caller.purpose(), caller.actorId(), clock.instant());
        if (consent == ConsentState.NOT_ACTIVE) {
            return Decision.deny(CONSENT, "the patient's consent for purpose " + caller.purpose() + " is withdrawn or not in effect");
        }
        if (consent == ConsentState.ABSENT && policy.consentModel() == TenantPolicy.ConsentModel.OPT_IN) {
            return Decision.deny(CONSENT, "the patient has not consented to purpose " + caller.purpose());
        }
        return null;
    }

    private Decision decideScope(TenantPolicy policy, Caller caller, Action action, RecordKind kind, String patientId) {
        if (!policy.assignmentRequiredRoles().contains(caller.role()) || state.isAssigned(caller.tenantId(), patientId, caller.actorId())) {
            return Decision.permit(ROLE_GRANT, "role " + caller.role() + " may " + verb(action) + " " + kind);
        }
        if (EMERGENCY_PURPOSE.equals(caller.purpose()) && policy.breakGlassRoles().contains(caller.role())) {
            Instant openedAfter = clock.instant().minus(policy.breakGlassWindow());
            Optional<BreakGlassAccess> access = state.breakGlassOf(caller.tenantId(), patientId, caller.actorId(), openedAfter);
            if (access.isPresent()) {
                return Decision.breakGlass("emergency access outside the care team", access.get().reason());
            }
            return Decision.deny(BREAK_THE_GLASS, "no open break-the-glass access to this patient: send BreakGlass with a reason first");
        }
        return Decision.deny(PATIENT_SCOPE, "the patient is not on the caller's care team");
    }

    private static Decision unknownPurpose() {
        return Decision.deny(PURPOSE_OF_USE, "the purpose of use must be an HL7 PurposeOfUse code such as TREAT (case matters)");
    }

    private static Decision minimumNecessary(Caller caller, Action action, RecordKind kind) {
        return Decision.deny(MINIMUM_NECESSARY, "role " + caller.role() + " may not " + verb(action) + " " + kind);
    }

    private static String verb(Action action) {
        return action.isWrite() ? "write" : "read";
    }
}
