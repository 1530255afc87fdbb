package dev.bonfire.policy;

/** What a door does with patient data. Writes are checked against a role's write kinds, everything else against its read kinds. */
public enum Action {
    WRITE,
    READ,
    SEARCH,
    HISTORY,
    EXPORT,
    RETRIEVE;

    public boolean isWrite() {
        return this == WRITE;
    }
}
