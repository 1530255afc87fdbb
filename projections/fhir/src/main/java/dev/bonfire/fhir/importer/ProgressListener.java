package dev.bonfire.fhir.importer;

/** Told how far an import has come, so a command line can show progress. Called on the importing thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * {@code done} of {@code total} resources have been stored (or found present) so far.
     */
    void progress(int done, int total);

    /** A new phase begins: {@code reading}, {@code validating}, {@code mapping}, {@code storing}. */
    default void phase(String phase) {
    }
}
