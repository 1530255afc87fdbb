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
    /** Practitioners, organizations, locations and enrolled clinicians of a tenant; holds no patient data. */
    DIRECTORY,
    /** Who is on a patient's care team: the assignments that give clinicians their patient scope. */
    CARE_TEAM,
    /** A patient's consents per purpose of use. */
    CONSENT,
    /** An emergency access to a patient outside the caller's care team, with its stated reason. */
    BREAK_GLASS
}
