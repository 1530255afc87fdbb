package dev.bonfire.policy.access;

import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.PatientScope;

/**
 * Permits for tests of read-model queries, which need one but have no door in front of them. Only in
 * the test jar: production code gets permits from {@link GatedAccess} alone.
 */
public final class TestPermits {

    private TestPermits() {
    }

    /** A permit for one patient's records in {@code tenant}. */
    public static Permit patient(String tenant, String patientId) {
        return new Permit(null, caller(tenant), Action.READ, patientId, null, null);
    }

    /** A permit for one record of one patient in {@code tenant}. */
    public static Permit record(String tenant, String patientId, String recordId) {
        return new Permit(null, caller(tenant), Action.READ, patientId, recordId, null);
    }

    /** A permit for a tenant-wide list, kept to {@code scope}. */
    public static Permit list(Caller caller, PatientScope scope) {
        return new Permit(null, caller, Action.SEARCH, null, null, scope);
    }

    /** A permit that ended with its door's transaction. */
    public static Permit closed(String tenant, String patientId) {
        Permit permit = patient(tenant, patientId);
        permit.close();
        return permit;
    }

    private static Caller caller(String tenant) {
        return new Caller(tenant, "test-user", "clinician", "TREAT", "test");
    }
}
