package dev.bonfire.policy;

import dev.bonfire.domain.common.RecordKind;

/** What policy state knows of one record: its tenant, kind, patient and the actor who created it. */
public record RecordEntry(String tenantId, String recordId, RecordKind kind, String patientId, String authorId) {
}
