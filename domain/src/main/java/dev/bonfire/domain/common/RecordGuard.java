package dev.bonfire.domain.common;

/**
 * Defence in depth behind the access gate, for aggregates: a command for another tenant's record, or
 * naming another patient than the record's, is answered exactly as if the record did not exist.
 */
public final class RecordGuard {

    private RecordGuard() {
    }

    /**
     * The tenant a record-creating command carries in its metadata; a command without one creates nothing,
     * because no later command could ever be matched to the record's tenant.
     */
    public static String tenantOf(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidCommandException("the command carries no tenant");
        }
        return tenant;
    }

    /** Refuses, as not found, a command whose tenant is not the tenant the record was created in. */
    public static void sameTenant(String recordId, String recordTenant, String commandTenant) {
        if (recordTenant == null || !recordTenant.equals(commandTenant)) {
            throw new RecordNotFoundException(recordId);
        }
    }

    /** Refuses, as not found, a command that names another patient than the record's. */
    public static void samePatient(String recordId, String recordPatient, String commandPatient) {
        if (recordPatient == null || !recordPatient.equals(commandPatient)) {
            throw new RecordNotFoundException(recordId);
        }
    }
}
