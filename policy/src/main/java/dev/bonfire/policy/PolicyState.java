package dev.bonfire.policy;

import java.util.Optional;

/** The state the gate decides on; projected synchronously from the event log, so it is never stale. */
public interface PolicyState {

    /** The record with this id in this tenant; empty when it does not exist there (whether or not it exists elsewhere). */
    Optional<RecordEntry> findRecord(String tenantId, String recordId);
}
