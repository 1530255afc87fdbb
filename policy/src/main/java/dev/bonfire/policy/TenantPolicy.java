package dev.bonfire.policy;

import java.time.Duration;
import java.util.Set;

/**
 * A tenant's access policy: the data the one engine decides with. Deny by default: a role that is not
 * listed may do nothing.
 *
 * @param roles                   which role may read and write which record kinds (minimum necessary)
 * @param assignmentRequiredRoles roles that reach a patient only through an active care-team assignment
 * @param breakGlassRoles         roles that may open break-the-glass access (purpose ETREAT, with a reason)
 * @param breakGlassWindow        how long a break-the-glass access stays open
 * @param consentModel            whether a patient's data needs an active consent for the purpose (opt-in),
 *                                or is open unless a consent for the purpose was withdrawn or expired (opt-out)
 */
public record TenantPolicy(RolePolicy roles, Set<String> assignmentRequiredRoles, Set<String> breakGlassRoles,
                           Duration breakGlassWindow, ConsentModel consentModel) {

    /** How an absent consent is read. */
    public enum ConsentModel { OPT_IN, OPT_OUT }

    public TenantPolicy {
        assignmentRequiredRoles = Set.copyOf(assignmentRequiredRoles);
        breakGlassRoles = Set.copyOf(breakGlassRoles);
        if (breakGlassWindow.isNegative() || breakGlassWindow.isZero() || breakGlassWindow.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("the break-the-glass window must be between 1 minute and 24 hours");
        }
    }

    /**
     * What a new tenant starts with: the default roles; clinicians and psychotherapists work within
     * their care teams and may break the glass for one hour; consent is opt-out (HIPAA permits
     * treatment, payment and operations without authorization; a withdrawn consent still closes the door).
     */
    public static TenantPolicy defaults() {
        return new TenantPolicy(RolePolicy.defaults(),
                Set.of(RolePolicy.CLINICIAN, RolePolicy.PSYCHOTHERAPIST),
                Set.of(RolePolicy.CLINICIAN, RolePolicy.PSYCHOTHERAPIST),
                Duration.ofHours(1),
                ConsentModel.OPT_OUT);
    }
}
