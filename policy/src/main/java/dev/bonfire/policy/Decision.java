package dev.bonfire.policy;

/**
 * The gate's answer. {@link Outcome#NOT_FOUND} is used where telling "forbidden" would reveal that a
 * record exists in another tenant: the door must answer it exactly like a record that never existed.
 *
 * @param outcome          what the door must do
 * @param rule             the name of the rule that decided (for the access log)
 * @param reason           a human-readable explanation, free of PHI
 * @param breakGlassReason the stated reason when access was opened by break-the-glass, else {@code null}
 */
public record Decision(Outcome outcome, String rule, String reason, String breakGlassReason) {

    public enum Outcome { PERMIT, DENY, NOT_FOUND }

    public static Decision permit(String rule, String reason) {
        return new Decision(Outcome.PERMIT, rule, reason, null);
    }

    public static Decision breakGlass(String reason, String statedReason) {
        return new Decision(Outcome.PERMIT, AccessGate.BREAK_THE_GLASS, reason, statedReason);
    }

    public static Decision deny(String rule, String reason) {
        return new Decision(Outcome.DENY, rule, reason, null);
    }

    public static Decision notFound(String rule) {
        return new Decision(Outcome.NOT_FOUND, rule, "not found", null);
    }

    public boolean permitted() {
        return outcome == Outcome.PERMIT;
    }
}
