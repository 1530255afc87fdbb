package dev.bonfire.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * The state the gate decides on; projected synchronously from the event log, in the transaction of the
 * events that change it, so it is never stale. Every lookup is within one tenant.
 */
public interface PolicyState {

    /** The record with this id in this tenant; empty when it does not exist there (whether or not it exists elsewhere). */
    Optional<RecordEntry> findRecord(String tenantId, String recordId);

    /**
     * The patient's record, locked for share until the current transaction ends: a consent withdrawal
     * or an assignment change for this patient waits for reads already decided, and reads decided after
     * it see it.
     */
    Optional<RecordEntry> lockPatient(String tenantId, String patientId);

    /**
     * The patient's record, locked exclusively (but not against key share) until the current transaction
     * ends: for a write that changes the patient's consents or care team. Such writes queue behind each
     * other and behind reads already decided; two of them holding shared locks would deadlock when their
     * projection touches the patient row.
     */
    Optional<RecordEntry> lockPatientForChange(String tenantId, String patientId);

    /** The tenant's policy, or {@link TenantPolicy#defaults()} when it never changed it. */
    TenantPolicy policyOf(String tenantId);

    /** {@code true} when the user is on the patient's care team now. */
    boolean isAssigned(String tenantId, String patientId, String userId);

    /** What the patient's consents say for this purpose and user at {@code now}. */
    ConsentState consentOf(String tenantId, String patientId, String purpose, String userId, Instant now);

    /** The user's newest break-the-glass access to the patient opened after {@code openedAfter}, if any. */
    Optional<BreakGlassAccess> breakGlassOf(String tenantId, String patientId, String userId, Instant openedAfter);

    /** {@code true} when the user is an enrolled clinician of the tenant. */
    boolean isEnrolledClinician(String tenantId, String userId);
}
