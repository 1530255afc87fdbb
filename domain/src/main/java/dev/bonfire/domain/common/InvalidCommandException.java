package dev.bonfire.domain.common;

/** The command is malformed or violates a domain rule that does not depend on current state. */
public class InvalidCommandException extends RuntimeException {
    public InvalidCommandException(String message) {
        super(message);
    }
}
