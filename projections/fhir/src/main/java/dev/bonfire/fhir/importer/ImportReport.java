package dev.bonfire.fhir.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one import did, per resource type: nothing is dropped without being counted here. Free of PHI:
 * messages name resource types, entry positions, fullUrls, element paths and rule names, never values.
 *
 * @param bundleSha256          SHA-256 (hex) of the bytes as received; the key of "already imported"
 * @param status                {@link Status#IMPORTED}, {@link Status#ALREADY_IMPORTED} or {@link Status#REJECTED}
 * @param message               one line for a person: what happened and, when rejected, the first reason
 * @param bundleType            Bundle.type, or {@code null} when a single resource was imported
 * @param entries               number of Bundle entries (1 for a single resource)
 * @param byType                counts per FHIR resource type, sorted by type
 * @param problems              why the bundle was rejected (empty otherwise), at most {@value #MAX_PROBLEMS}
 * @param unresolvedReferences  references kept unresolved (with their identifier or display), grouped
 * @param previouslyImportedAt  when the same bytes were imported before (only for {@link Status#ALREADY_IMPORTED})
 * @param elapsedMillis         wall time of the import
 */
@Serdeable
public record ImportReport(
        String bundleSha256,
        Status status,
        String message,
        @Nullable String bundleType,
        int entries,
        Map<String, TypeCounts> byType,
        List<Problem> problems,
        List<UnresolvedReference> unresolvedReferences,
        @Nullable Instant previouslyImportedAt,
        long elapsedMillis) {

    /** At most this many problems are listed; the message says how many there were. */
    public static final int MAX_PROBLEMS = 50;

    public ImportReport {
        byType = Map.copyOf(byType);
        problems = List.copyOf(problems);
        unresolvedReferences = List.copyOf(unresolvedReferences);
    }

    /** The outcome of an import. */
    public enum Status {
        /** Every modelled resource was stored (or was already there); nothing was refused. */
        IMPORTED,
        /** The same bytes were imported before for this tenant; nothing changed. */
        ALREADY_IMPORTED,
        /** Invalid or refused: nothing of the bundle was stored. */
        REJECTED
    }

    /**
     * Counts for one resource type.
     *
     * @param imported                resources stored by this import
     * @param alreadyPresent          resources whose record existed already (from an earlier import); left unchanged
     * @param skippedNotModelled      resources of a type bonfire does not model yet (Claim, Immunization, ...)
     * @param skipped                 resources of a modelled type that were not stored, by reason (for example
     *                                {@code entered-in-error}, or a value type not modelled yet)
     * @param rejected                resources refused (only in a rejected import; see {@link ImportReport#problems()})
     * @param ignoredValidationErrors validator errors inside resources that were skipped as not modelled (they
     *                                are not stored, so they do not reject the bundle)
     * @param elementsNotKept         elements of imported resources that bonfire does not keep (yet), with how
     *                                often they occurred, such as {@code Condition.abatementString}
     */
    @Serdeable
    public record TypeCounts(int imported, int alreadyPresent, int skippedNotModelled, Map<String, Integer> skipped,
                             int rejected, int ignoredValidationErrors, Map<String, Integer> elementsNotKept) {
        public TypeCounts {
            skipped = Map.copyOf(skipped);
            elementsNotKept = Map.copyOf(elementsNotKept);
        }
    }

    /**
     * One reason for rejecting: where (entry, resource type, element path) and why.
     *
     * @param entryIndex   0-based position in Bundle.entry, or {@code null} for the bundle as a whole
     * @param fullUrl      the entry's fullUrl, if it has one
     * @param resourceType the entry's resource type, if known
     * @param location     the element path (FHIRPath-like), if known
     * @param message      what is wrong, without values from the resource
     */
    @Serdeable
    public record Problem(@Nullable Integer entryIndex, @Nullable String fullUrl, @Nullable String resourceType,
                          @Nullable String location, String message) {
    }

    /**
     * References that could not be resolved to a record, grouped. The target shows the reference form; an
     * identifier value is shown only for directory resources (never a patient's identifier).
     *
     * @param resourceType the type of the resources holding the reference
     * @param element      the element, such as {@code Encounter.serviceProvider}
     * @param target       the reference as written, values of non-directory identifiers masked
     * @param outcome      what the importer did, such as "kept unresolved with its identifier"
     * @param count        how many references of this group
     */
    @Serdeable
    public record UnresolvedReference(String resourceType, String element, String target, String outcome, int count) {
    }

    /** Resources stored by this import, over all types. */
    public int totalImported() {
        return byType.values().stream().mapToInt(TypeCounts::imported).sum();
    }

    /** Resources skipped (not modelled, or not importable), over all types. */
    public int totalSkipped() {
        return byType.values().stream()
                .mapToInt(c -> c.skippedNotModelled() + c.skipped().values().stream().mapToInt(Integer::intValue).sum())
                .sum();
    }
}
