package dev.bonfire.domain.common;

/**
 * The kinds of record the access policy reasons about (HIPAA minimum necessary): a role is granted
 * kinds, and every command and read names the kind it touches.
 */
public enum RecordKind {
    DEMOGRAPHICS,
    ENCOUNTER,
    OBSERVATION,
    CONDITION,
    CLINICAL_NOTE,
    /** HIPAA 45 CFR 164.501: kept apart from the medical record, readable only by its author or explicit grant. */
    PSYCHOTHERAPY_NOTE,
    /** Practitioners, organizations and locations of a tenant; holds no patient data. */
    DIRECTORY
}
