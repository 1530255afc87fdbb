package dev.bonfire.policy.access;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.PatientScope;

/**
 * What the gate allowed one door request to read: one patient (and perhaps one record of theirs), or,
 * for a tenant-wide list, a {@link PatientScope}. Read-model queries take a permit instead of a tenant
 * and a patient id, so a query cannot run without a decision, nor for another patient or tenant than
 * the one decided. Only {@link GatedAccess} creates permits, and a permit is valid only inside the
 * door's transaction.
 */
public final class Permit {

    private final AccessGate gate;
    private final Caller caller;
    private final Action action;
    private final String patientId;
    private final String recordId;
    private final PatientScope scope;
    private volatile boolean open = true;

    Permit(AccessGate gate, Caller caller, Action action, String patientId, String recordId, PatientScope scope) {
        this.gate = gate;
        this.caller = caller;
        this.action = action;
        this.patientId = patientId;
        this.recordId = recordId;
        this.scope = scope;
    }

    /** The caller's tenant. */
    public String tenantId() {
        requireOpen();
        return caller.tenantId();
    }

    /** What the door does (READ, SEARCH, HISTORY, …). */
    public Action action() {
        requireOpen();
        return action;
    }

    /** The one patient this permit is for. */
    public String patientId() {
        requireOpen();
        if (patientId == null) {
            throw new IllegalStateException("this permit is for a tenant-wide list: apply its scope()");
        }
        return patientId;
    }

    /** The one record this permit is for. */
    public String recordId() {
        requireOpen();
        if (recordId == null) {
            throw new IllegalStateException("this permit is not for one record");
        }
        return recordId;
    }

    /** For a tenant-wide list: the patients the caller may see, to apply to rows and totals alike. */
    public PatientScope scope() {
        requireOpen();
        if (scope == null) {
            throw new IllegalStateException("this permit is for one patient: use patientId()");
        }
        return scope;
    }

    /**
     * Whether the caller may also have this door's action on records of {@code kind} (or on this one
     * record) of the permit's patient: for doors that return several kinds (history), which leave out
     * what is not permitted. Asks the gate again, inside the door's transaction.
     */
    public boolean allows(RecordKind kind, String recordOfPatient) {
        requireOpen();
        if (patientId == null) {
            throw new IllegalStateException("this permit is for a tenant-wide list");
        }
        return gate.decide(new AccessRequest(caller, action, kind, patientId, recordOfPatient, false)).permitted();
    }

    void close() {
        open = false;
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("this permit ended with its door's transaction");
        }
    }
}
