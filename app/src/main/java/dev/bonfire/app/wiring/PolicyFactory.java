package dev.bonfire.app.wiring;

import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.access.GatedAccess;
import dev.bonfire.policy.access.QueryDigests;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.axonframework.config.Configuration;

/** The one access gate every door asks, and the state it decides on. */
@Factory
class PolicyFactory {

    @Singleton
    PolicyState policyState(ThreadBoundTransactions transactions) {
        return new JdbcPolicyState(transactions);
    }

    @Singleton
    AccessGate accessGate(PolicyState state) {
        return new AccessGate(state, Clock.systemUTC());
    }

    /** Access records on the event log (the command bus's gate builds its own over the same bus). */
    @Singleton
    AccessLog accessLog(Configuration axon, ThreadBoundTransactions transactions) {
        return new AccessLog(axon.eventBus(), transactions, Clock.systemUTC());
    }

    @Singleton
    QueryDigests queryDigests(ThreadBoundTransactions transactions) {
        return new QueryDigests(transactions);
    }

    /** The only way a read door reaches patient data: gate, query with the permit, access record, commit. */
    @Singleton
    GatedAccess gatedAccess(AccessGate gate, AccessLog accessLog, QueryDigests digests, ThreadBoundTransactions transactions) {
        return new GatedAccess(gate, accessLog, digests, transactions);
    }

    @Singleton
    PolicyRecordProjector policyRecordProjector(ThreadBoundTransactions transactions) {
        return new PolicyRecordProjector(transactions);
    }
}
