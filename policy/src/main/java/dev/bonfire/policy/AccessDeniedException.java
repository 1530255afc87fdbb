package dev.bonfire.policy;

/** Thrown by a door when the gate did not permit; carries the decision so the door can answer 403 or 404. */
public class AccessDeniedException extends RuntimeException {

    private final Decision decision;

    public AccessDeniedException(Decision decision) {
        super(decision.outcome() == Decision.Outcome.NOT_FOUND ? "not found" : "access denied: " + decision.reason());
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
