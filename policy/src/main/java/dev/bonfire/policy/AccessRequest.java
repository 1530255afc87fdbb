package dev.bonfire.policy;

import dev.bonfire.domain.common.RecordKind;

/**
 * One question to the gate: may this caller do this action on this kind of record of this patient.
 *
 * @param caller    who asks
 * @param action    what they do
 * @param kind      the kind of record (for an existing record, the gate uses the stored kind instead)
 * @param patientId the patient, or {@code null} for tenant-level records (directory) and tenant-wide searches
 * @param recordId  the record, or {@code null} for searches and lists
 * @param creates   {@code true} when the action creates {@code recordId}
 */
public record AccessRequest(Caller caller, Action action, RecordKind kind, String patientId, String recordId, boolean creates) {

    public static AccessRequest read(Caller caller, Action action, RecordKind kind, String patientId) {
        return new AccessRequest(caller, action, kind, patientId, null, false);
    }
}
