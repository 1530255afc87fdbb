package dev.bonfire.app.wiring;

import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.policy.state.JdbcPolicyState;
import dev.bonfire.policy.state.PolicyRecordProjector;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

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

    @Singleton
    PolicyRecordProjector policyRecordProjector(ThreadBoundTransactions transactions) {
        return new PolicyRecordProjector(transactions);
    }
}
