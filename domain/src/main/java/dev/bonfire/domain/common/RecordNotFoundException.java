package dev.bonfire.domain.common;

/** The record does not exist for the caller's tenant; answered exactly like a record that never existed. */
public class RecordNotFoundException extends RuntimeException {
    public RecordNotFoundException(String recordId) {
        super("record " + recordId + " not found");
    }
}
