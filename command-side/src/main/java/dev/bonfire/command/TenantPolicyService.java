package dev.bonfire.command;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.command.Callers;
import dev.bonfire.policy.event.TenantPolicyChanged;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Reads and replaces a tenant's access policy (the {@link TenantPolicyDocuments} format). A replacement
 * is a {@link TenantPolicyChanged} event on the event bus, stamped with the admin who sent it; the
 * synchronous policy-state projector writes it in the same transaction, so the next request of every
 * door decides with it, without a restart. Only role {@value RolePolicy#ADMIN} may replace it; any
 * caller of the tenant may read it (it holds no patient data, and apps need to know what roles may do).
 */
@Singleton
public final class TenantPolicyService {

    /** The rule that decides who may change a tenant's policy. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** The rule that decides who may read a tenant's policy. */
    public static final String POLICY_READ = "policy-read";

    private final PolicyState state;
    private final EventBus events;
    private final TransactionManager transactions;
    private final Clock clock;

    @Inject
    public TenantPolicyService(PolicyState state, EventBus events, ThreadBoundTransactions transactions) {
        this(state, events, transactions, Clock.systemUTC());
    }

    TenantPolicyService(PolicyState state, EventBus events, TransactionManager transactions, Clock clock) {
        this.state = state;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The caller's tenant policy as a document: the defaults until an admin changed it. */
    public String document(Caller caller) {
        require(decideRead(caller));
        TenantPolicy policy = transactions.fetchInTransaction(() -> state.policyOf(caller.tenantId()));
        return TenantPolicyDocuments.write(policy);
    }

    /**
     * Replaces the caller's tenant policy with {@code body}.
     *
     * @return the new policy as stored (normalised: sorted, formatted)
     * @throws AccessDeniedException                                 unless the caller is an admin of the tenant
     * @throws dev.bonfire.domain.common.InvalidCommandException     when the body is not a valid policy document
     */
    public String replace(Caller caller, String body, String correlationId) {
        require(decideChange(caller));
        String document = TenantPolicyDocuments.write(TenantPolicyDocuments.parse(body == null ? "" : body));
        EventMessage<TenantPolicyChanged> event = GenericEventMessage.<TenantPolicyChanged>asEventMessage(new TenantPolicyChanged(document))
                .andMetaData(metaData(caller, correlationId));
        transactions.executeInTransaction(() -> events.publish(event));
        return document;
    }

    /** Who may change a tenant's policy: an admin of that tenant (the tenant is the token's, never the body's). */
    public static Decision decideChange(Caller caller) {
        if (caller == null || !caller.isComplete()) {
            return incomplete();
        }
        return RolePolicy.ADMIN.equals(caller.role())
                ? Decision.permit(POLICY_ADMIN, "admins change their tenant's access policy")
                : Decision.deny(POLICY_ADMIN, "only role " + RolePolicy.ADMIN + " may change the tenant's access policy");
    }

    /** Who may read a tenant's policy: any complete caller of that tenant. */
    public static Decision decideRead(Caller caller) {
        if (caller == null || !caller.isComplete()) {
            return incomplete();
        }
        return Decision.permit(POLICY_READ, "callers of a tenant may read its access policy");
    }

    private static Decision incomplete() {
        return Decision.deny(AccessGate.CALLER_COMPLETE,
                "the request does not name its tenant, actor, role, purpose of use (X-Purpose-Of-Use) and via (X-Via)");
    }

    private static void require(Decision decision) {
        if (!decision.permitted()) {
            throw new AccessDeniedException(decision);
        }
    }

    private Map<String, Object> metaData(Caller caller, String correlationId) {
        Map<String, Object> values = Callers.toMetaData(caller, "api");
        if (correlationId != null) {
            values.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        values.put(MetadataKeys.TIME, clock.instant().toString());
        return values;
    }
}
