package dev.bonfire.query.http;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.PatientScope;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import jakarta.inject.Singleton;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read door's one rule: decide, then read, in one transaction. The gate's decision and the query
 * share the transaction (and so the tenant binding for row-level security); a query that is not
 * permitted never runs, so a denied read touches no read-model row.
 */
@Singleton
public class GatedReads {

    private final AccessGate gate;
    private final ThreadBoundTransactions transactions;

    public GatedReads(AccessGate gate, ThreadBoundTransactions transactions) {
        this.gate = gate;
        this.transactions = transactions;
    }

    /**
     * Runs {@code query} if the gate permits {@code caller} to do {@code action} on {@code kind} records
     * of {@code patientId}.
     *
     * @throws AccessDeniedException with the gate's decision (NOT_FOUND for an unknown or foreign patient)
     */
    public <T> T read(Caller caller, Action action, RecordKind kind, String patientId, Supplier<T> query) {
        return transactions.fetchInTransaction(() -> {
            Decision decision = gate.decide(AccessRequest.read(caller, action, kind, patientId));
            if (!decision.permitted()) {
                throw new AccessDeniedException(decision);
            }
            return query.get();
        });
    }

    /**
     * Runs a tenant-wide list if the gate permits {@code caller} to {@code action} {@code kind} records at
     * all; the query must apply the {@link PatientScope} it is given, so rows and totals hold only
     * patients that a read by id would also permit (care team, consent, break-the-glass).
     *
     * @throws AccessDeniedException with the gate's decision
     */
    public <T> T readScoped(Caller caller, Action action, RecordKind kind, Function<PatientScope, T> query) {
        return transactions.fetchInTransaction(() -> {
            AccessGate.ScopedDecision scoped = gate.scope(caller, action, kind);
            if (!scoped.decision().permitted()) {
                throw new AccessDeniedException(scoped.decision());
            }
            return query.apply(scoped.scope());
        });
    }
}
