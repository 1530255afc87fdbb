package dev.bonfire.command;

/** The idempotency key was already used for a different request. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException() {
        super("this Idempotency-Key was already used with a different command or payload");
    }
}
