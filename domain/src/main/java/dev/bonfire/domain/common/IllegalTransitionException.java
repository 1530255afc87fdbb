package dev.bonfire.domain.common;

/** The command is well formed but not allowed in the record's current state (for example signing a signed note). */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
