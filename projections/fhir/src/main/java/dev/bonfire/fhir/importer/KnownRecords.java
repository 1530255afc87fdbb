package dev.bonfire.fhir.importer;

import dev.bonfire.domain.common.RecordKind;
import java.util.Optional;

/**
 * What the tenant holds already, as far as mapping needs it: records from earlier imports, by id and by
 * business identifier. The importer answers from policy state and the import ledger; mapping tests use
 * {@link #NONE} or a map.
 */
public interface KnownRecords {

    /** Knows nothing: every record is new. */
    KnownRecords NONE = new KnownRecords() {
        @Override
        public Optional<String> byIdentifier(String resourceType, String system, String value) {
            return Optional.empty();
        }

        @Override
        public Optional<RecordKind> kindOf(String recordId) {
            return Optional.empty();
        }
    };

    /** The record id of an earlier imported resource of this type that carries this identifier. */
    Optional<String> byIdentifier(String resourceType, String system, String value);

    /** The kind of the record with this id, when it exists in the tenant. */
    Optional<RecordKind> kindOf(String recordId);
}
