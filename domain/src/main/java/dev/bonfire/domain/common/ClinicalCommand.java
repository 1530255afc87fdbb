package dev.bonfire.domain.common;

/**
 * What the access gate needs to know about every clinical write: which record and which patient.
 * For a record that exists, the gate takes its kind, tenant and patient from policy state, never from
 * the command; a command that creates a record states its kind ({@link CreatesRecord}).
 */
public interface ClinicalCommand {

    /** The aggregate the command targets (for a patient command, the patient itself). */
    String recordId();

    /** The patient whose data is written, or {@code null} for directory records. */
    String patientId();
}
