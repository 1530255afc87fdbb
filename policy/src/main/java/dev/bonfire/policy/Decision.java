package dev.bonfire.policy;

/**
 * The gate's answer. {@link Outcome#NOT_FOUND} is used where telling "forbidden" would reveal that a
 * record exists in another tenant: the door must answer it exactly like a record that never existed.
 *
 * @param outcome what the door must do
 * @param rule    the name of the rule that decided (for the access log)
 * @param reason  a human-readable explanation, free of PHI
 */
public record Decision(Outcome outcome, String rule, String reason) {

    public enum Outcome { PERMIT, DENY, NOT_FOUND }

    public static Decision permit(String rule, String reason) {
        return new Decision(Outcome.PERMIT, rule, reason);
    }

    public static Decision deny(String rule, String reason) {
        return new Decision(Outcome.DENY, rule, reason);
    }

    public static Decision notFound(String rule) {
        return new Decision(Outcome.NOT_FOUND, rule, "not found");
    }

    public boolean permitted() {
        return outcome == Outcome.PERMIT;
    }
}
