package dev.bonfire.policy.access;

import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.transaction.Transaction;

/**
 * The one way a read door reaches patient data. In one transaction of its own it asks the gate, runs
 * the query with the {@link Permit} it got, appends an {@link AccessRecorded} naming the records the
 * query returned, and commits; only then is the result handed back. A refusal is recorded and
 * committed the same way, and nothing is queried. If the record cannot be appended or the commit
 * fails, the door fails ({@link AccessLogUnavailableException}) and returns nothing.
 * <p>
 * Reads decided here lock the patient's policy row until the commit (see
 * {@link dev.bonfire.policy.PolicyState#lockPatient}), so a consent withdrawal committed before a read
 * starts is seen by it, and one that starts during a read waits for it.
 */
public final class GatedAccess {

    /** The rule of a permitted read whose record is not (or not yet) in the read model: answered as not found. */
    public static final String ABSENT = "absent";

    private final AccessGate gate;
    private final AccessLog log;
    private final QueryDigests digests;
    private final ThreadBoundTransactions transactions;

    public GatedAccess(AccessGate gate, AccessLog log, QueryDigests digests, ThreadBoundTransactions transactions) {
        this.gate = gate;
        this.log = log;
        this.digests = digests;
        this.transactions = transactions;
    }

    /**
     * A read about one patient (or one record of theirs). {@code query} gets the permit and returns the
     * data, or empty when there is none (then the door answers not found, recorded with rule
     * {@value #ABSENT}); {@code disclosed} names what the data holds.
     *
     * @throws RecordedDenial              when not permitted (after the refusal was recorded)
     * @throws AccessLogUnavailableException when the access record could not be appended; nothing is returned
     */
    public <T> T read(DoorRequest request, Function<Permit, Optional<T>> query, Function<? super T, Disclosure> disclosed) {
        if (request.patientId() == null) {
            throw new IllegalArgumentException("a read names its patient; lists use list()");
        }
        return inDoorTransaction(request, () -> {
            Decision decision = gate.decide(new AccessRequest(request.caller(), request.action(), request.kind(),
                    request.patientId(), request.recordId(), false));
            if (!decision.permitted()) {
                return refusal(request, decision);
            }
            Permit permit = new Permit(gate, request.caller(), request.action(), request.patientId(), request.recordId(), null);
            Optional<T> result;
            try {
                result = query.apply(permit);
            } finally {
                permit.close();
            }
            if (result.isEmpty()) {
                return refusal(request, Decision.notFound(ABSENT));
            }
            return answer(request, decision, result.get(), disclosed);
        });
    }

    /**
     * A tenant-wide list or search: {@code query} must keep to the permit's {@link Permit#scope()} in
     * rows and totals alike.
     *
     * @throws RecordedDenial              when the caller may not list this kind at all (after the refusal was recorded)
     * @throws AccessLogUnavailableException when the access record could not be appended; nothing is returned
     */
    public <T> T list(DoorRequest request, Function<Permit, T> query, Function<? super T, Disclosure> disclosed) {
        if (request.patientId() != null) {
            throw new IllegalArgumentException("a list is tenant-wide; reads about one patient use read()");
        }
        return inDoorTransaction(request, () -> {
            AccessGate.ScopedDecision scoped = gate.scope(request.caller(), request.action(), request.kind());
            if (!scoped.decision().permitted()) {
                return refusal(request, scoped.decision());
            }
            Permit permit = new Permit(gate, request.caller(), request.action(), null, null, scoped.scope());
            T result;
            try {
                result = query.apply(permit);
            } finally {
                permit.close();
            }
            return answer(request, scoped.decision(), result, disclosed);
        });
    }

    /**
     * Records a refusal decided outside the gate (a door's own rule, such as who may import), in a
     * transaction of its own, and returns the exception for the door to throw.
     */
    public RecordedDenial refuse(DoorRequest request, Decision decision) {
        log.recordOnItsOwn(request.caller(), request.correlationId(), AccessRecorded.refused(request.door(), request.action(),
                request.kind(), ids(request.patientId()), ids(request.recordId()), decision, digest(request)));
        return new RecordedDenial(decision);
    }

    private <T> Outcome<T> refusal(DoorRequest request, Decision decision) {
        log.record(request.caller(), request.correlationId(), AccessRecorded.refused(request.door(), request.action(), request.kind(),
                ids(request.patientId()), ids(request.recordId()), decision, digest(request)));
        return new Outcome<>(null, decision);
    }

    private <T> Outcome<T> answer(DoorRequest request, Decision decision, T result, Function<? super T, Disclosure> disclosed) {
        Disclosure disclosure = disclosed.apply(result);
        log.record(request.caller(), request.correlationId(), AccessRecorded.permitted(request.door(), request.action(), request.kind(),
                disclosure.patientIds(), disclosure.recordIds(), decision, digest(request), disclosure.recordIds().size()));
        return new Outcome<>(result, null);
    }

    private String digest(DoorRequest request) {
        String tenant = request.caller() == null ? null : request.caller().tenantId();
        return digests.digest(tenant, request.door(), request.parameters());
    }

    private <T> T inDoorTransaction(DoorRequest request, java.util.function.Supplier<Outcome<T>> work) {
        if (transactions.inTransaction()) {
            // a door's access record must commit with the door's own transaction, never wait for (or roll back with) another
            throw new IllegalStateException("a door runs in a transaction of its own: " + request.door());
        }
        Transaction transaction = transactions.startTransaction();
        Outcome<T> outcome;
        try {
            outcome = work.get();
        } catch (RuntimeException | Error e) {
            transaction.rollback();
            throw e;
        }
        try {
            transaction.commit();
        } catch (RuntimeException e) {
            throw new AccessLogUnavailableException(e);
        }
        if (outcome.refusal() != null) {
            throw new RecordedDenial(outcome.refusal());
        }
        return outcome.result();
    }

    private static List<String> ids(String... ids) {
        return java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
    }

    private record Outcome<T>(T result, Decision refusal) {
    }
}
