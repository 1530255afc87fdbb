package dev.bonfire.policy;

/** What a patient's consents say for one purpose of use and one actor, at one moment. */
public enum ConsentState {
    /** A consent for the purpose is granted and in its period. */
    ACTIVE,
    /** Consents for the purpose exist, but none is active: withdrawn, expired or not yet started. */
    NOT_ACTIVE,
    /** No consent for the purpose was ever recorded. */
    ABSENT
}
