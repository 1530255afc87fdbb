package dev.bonfire.policy;

/**
 * Who is asking, for which tenant, why, and through what. The tenant, actor and role come from the
 * verified token, never from a request body; purpose of use and via come from the request.
 *
 * @param tenantId the caller's tenant (from the token)
 * @param actorId  the authenticated user or agent (the token subject)
 * @param role     the caller's role in the tenant (from the token)
 * @param purpose  the purpose of use, an HL7 PurposeOfUse code such as {@code TREAT}
 * @param via      the app or agent that sent the request
 */
public record Caller(String tenantId, String actorId, String role, String purpose, String via) {

    /** {@code true} when every field a door needs is present. */
    public boolean isComplete() {
        return present(tenantId) && present(actorId) && present(role) && present(purpose) && present(via);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
