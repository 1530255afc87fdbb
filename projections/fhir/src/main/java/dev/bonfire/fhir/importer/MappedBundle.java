package dev.bonfire.fhir.importer;

import java.util.List;

/**
 * A bundle mapped to commands, entry by entry, before anything is sent.
 *
 * @param entries every entry of the bundle, in bundle order, with its outcome
 */
record MappedBundle(List<Entry> entries) {

    MappedBundle {
        entries = List.copyOf(entries);
    }

    /** What mapping decided for an entry. */
    enum Outcome {
        /** Commands were made; the dispatcher sends them unless the record exists already. */
        MAPPED,
        /** The resource type is not modelled (yet): counted, not stored. */
        NOT_MODELLED,
        /** A modelled type, but this resource is not stored (for example entered-in-error); the reason is counted. */
        SKIPPED,
        /** The entry cannot be imported; the whole bundle is rejected. */
        REFUSED
    }

    /** A business identifier of a mapped resource, for the import ledger. */
    record IdentifierKey(String resourceType, String system, String value) {
    }

    /** A reference that could not be resolved, before grouping. */
    record Unresolved(String element, String target, String outcome) {
    }

    /**
     * One entry's mapping.
     *
     * @param index          position in Bundle.entry
     * @param fullUrl        the entry's fullUrl, or {@code null}
     * @param resourceType   the resource type (or the type a request without resource names), or {@code null}
     * @param outcome        what happens with it
     * @param reason         why it is skipped or refused (PHI-free), or {@code null}
     * @param location       the element a refusal is about, or {@code null}
     * @param recordId       the record the resource becomes (MAPPED only)
     * @param commands       commands to send, in order, when the record does not exist yet
     * @param finalCommands  commands to send after every entry's commands (a death is recorded last)
     * @param identifiers    the resource's business identifiers, for the ledger
     * @param unresolved     references of this entry that stay unresolved
     * @param elementsNotKept elements of the resource that bonfire does not keep
     */
    record Entry(int index, String fullUrl, String resourceType, Outcome outcome, String reason, String location,
                 String recordId, List<Object> commands, List<Object> finalCommands, List<IdentifierKey> identifiers,
                 List<Unresolved> unresolved, List<String> elementsNotKept) {

        Entry {
            commands = List.copyOf(commands);
            finalCommands = List.copyOf(finalCommands);
            identifiers = List.copyOf(identifiers);
            unresolved = List.copyOf(unresolved);
            elementsNotKept = List.copyOf(elementsNotKept);
        }

        static Entry notMapped(int index, String fullUrl, String resourceType, Outcome outcome, String reason, String location) {
            return new Entry(index, fullUrl, resourceType, outcome, reason, location, null, List.of(), List.of(), List.of(),
                    List.of(), List.of());
        }
    }
}
