package dev.bonfire.domain.common;

/**
 * A command whose record may belong to an encounter. The write door checks that the encounter exists
 * in the caller's tenant and belongs to the same patient.
 */
public interface ReferencesEncounter extends ClinicalCommand {

    /** The encounter the record belongs to, or {@code null}. */
    String encounterId();
}
