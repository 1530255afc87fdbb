package dev.bonfire.policy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.consent.ConsentGranted;
import dev.bonfire.domain.consent.ConsentWithdrawn;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.ConsentState;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A consent withdrawal racing reads of the same patient, on real threads and real PostgreSQL
 * transactions: the gate's patient row lock serialises them, so a read either was decided before the
 * withdrawal commits (and the withdrawal waits for it to finish) or is decided after it (and fails
 * closed). Waits are bounded; "blocked" is observed in {@code pg_stat_activity}, not guessed from time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ConsentRaceTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final long WAIT_SECONDS = 10;

    private PolicyStateFixture db;
    private AccessGate gate;
    private String tenant;
    private String patient;
    private String observation;
    private String consent;
    private Caller clinician;

    @BeforeAll
    void migrate() {
        db = new PolicyStateFixture();
        gate = new AccessGate(db.state, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @BeforeEach
    void aPatientWhoConsentedToTreatment_onTheCareTeamOfDr1() {
        tenant = "tenant-" + UUID.randomUUID();
        patient = UUID.randomUUID().toString();
        observation = UUID.randomUUID().toString();
        consent = UUID.randomUUID().toString();
        clinician = new Caller(tenant, "dr-1", "clinician", "TREAT", "race-test");
        db.apply(tenant, "desk-1", new PatientRegistered(patient, null), T0);
        db.apply(tenant, "admin-1", new AssignedToCareTeam(UUID.randomUUID().toString(), patient, "dr-1"), T0);
        db.apply(tenant, "desk-1", new ConsentGranted(consent, patient, "TREAT", null, null), T0);
        db.apply(tenant, "dr-1", new ObservationRecorded(observation, patient, null, "final", null, null, null, null, null, null), T0);
    }

    @Test
    void withdrawal_waitsForAReadAlreadyDecided_andTheNextReadFailsClosed() throws Exception {
        try (Session r = new Session(db.transactions); Session w = new Session(db.transactions); Session r2 = new Session(db.transactions)) {
            // R decides and holds the patient, as a door does until it has returned its data
            r.begin();
            assertThat(r.run(this::readObservation).outcome()).isEqualTo(Decision.Outcome.PERMIT);

            // W withdraws the consent: the projector touches the patient row and must wait for R
            w.begin();
            int wPid = w.run(db::backendPid);
            Future<Void> withdrawal = w.submit(() -> {
                db.deliver(PolicyStateFixture.event(tenant, "desk-1", new ConsentWithdrawn(consent, patient, "patient asked"), T0.plusSeconds(60)));
                return null;
            });
            awaitWaitingForALock(db, wPid);
            assertThatThrownBy(() -> withdrawal.get(200, TimeUnit.MILLISECONDS)).as("still blocked").isInstanceOf(TimeoutException.class);
            assertThat(r.run(() -> db.state.consentOf(tenant, patient, "TREAT", "dr-1", T0))).isEqualTo(ConsentState.ACTIVE);

            r.commit();
            withdrawal.get(WAIT_SECONDS, TimeUnit.SECONDS);
            w.commit();

            // R2 starts after W committed: the very next request fails closed
            r2.begin();
            Decision next = r2.run(this::readObservation);
            assertThat(next.outcome()).isEqualTo(Decision.Outcome.DENY);
            assertThat(next.rule()).isEqualTo(AccessGate.CONSENT);
            assertThat(r2.run(() -> db.state.consentOf(tenant, patient, "TREAT", "dr-1", T0))).isEqualTo(ConsentState.NOT_ACTIVE);
            r2.commit();
        }
    }

    @Test
    void aReadArrivingWhileAWithdrawalIsInFlight_waitsForIt_andFailsClosed() throws Exception {
        try (Session w = new Session(db.transactions); Session r = new Session(db.transactions)) {
            w.begin();
            w.run(() -> {
                db.deliver(PolicyStateFixture.event(tenant, "desk-1", new ConsentWithdrawn(consent, patient, "patient asked"), T0.plusSeconds(60)));
                return null;
            });

            r.begin();
            int rPid = r.run(db::backendPid);
            Future<Decision> read = r.submit(this::readObservation);
            awaitWaitingForALock(db, rPid);
            assertThatThrownBy(() -> read.get(200, TimeUnit.MILLISECONDS)).as("still blocked").isInstanceOf(TimeoutException.class);

            w.commit();
            Decision decision = read.get(WAIT_SECONDS, TimeUnit.SECONDS);
            r.commit();

            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.DENY);
            assertThat(decision.rule()).isEqualTo(AccessGate.CONSENT);
        }
    }

    @Test
    void aWithdrawalThatRollsBack_leavesTheWaitingReadPermitted() throws Exception {
        try (Session w = new Session(db.transactions); Session r = new Session(db.transactions)) {
            w.begin();
            w.run(() -> {
                db.deliver(PolicyStateFixture.event(tenant, "desk-1", new ConsentWithdrawn(consent, patient, "patient asked"), T0.plusSeconds(60)));
                return null;
            });
            r.begin();
            int rPid = r.run(db::backendPid);
            Future<Decision> read = r.submit(this::readObservation);
            awaitWaitingForALock(db, rPid);

            w.rollback();

            assertThat(read.get(WAIT_SECONDS, TimeUnit.SECONDS).outcome()).isEqualTo(Decision.Outcome.PERMIT);
            r.commit();
        }
    }

    @Test
    void readsOfOnePatient_doNotWaitForEachOther() throws Exception {
        try (Session r1 = new Session(db.transactions); Session r2 = new Session(db.transactions)) {
            r1.begin();
            assertThat(r1.run(this::readObservation).permitted()).isTrue();
            r2.begin();
            assertThat(r2.run(this::readObservation).permitted()).isTrue();
            r1.commit();
            r2.commit();
        }
    }

    @Test
    void twoWithdrawalsForOnePatient_queue_insteadOfDeadlocking() throws Exception {
        String second = UUID.randomUUID().toString();
        db.apply(tenant, "desk-1", new ConsentGranted(second, patient, "TREAT", null, null), T0);
        Caller desk = new Caller(tenant, "desk-1", "front-desk", "TREAT", "race-test");
        try (Session t1 = new Session(db.transactions); Session t2 = new Session(db.transactions)) {
            t1.begin();
            assertThat(t1.run(() -> withdrawDecision(desk, consent)).permitted()).isTrue();
            t2.begin();
            int t2Pid = t2.run(db::backendPid);
            Future<Decision> secondDecision = t2.submit(() -> withdrawDecision(desk, second));
            awaitDoneOrWaitingForALock(db, t2Pid, secondDecision);

            Future<Void> firstWithdrawal = t1.submit(() -> withdraw(consent));
            Future<Void> secondWithdrawal = t2.submit(() -> withdraw(second));
            firstWithdrawal.get(WAIT_SECONDS, TimeUnit.SECONDS);
            t1.commit();
            assertThat(secondDecision.get(WAIT_SECONDS, TimeUnit.SECONDS).permitted()).isTrue();
            secondWithdrawal.get(WAIT_SECONDS, TimeUnit.SECONDS);
            t2.commit();
        }
        assertThat(db.inTransaction(() -> db.state.consentOf(tenant, patient, "TREAT", "dr-1", T0))).isEqualTo(ConsentState.NOT_ACTIVE);
    }

    private Decision readObservation() {
        return gate.decide(new AccessRequest(clinician, Action.READ, null, patient, observation, false));
    }

    private Decision withdrawDecision(Caller caller, String consentId) {
        return gate.decide(new AccessRequest(caller, Action.WRITE, null, patient, consentId, false));
    }

    private Void withdraw(String consentId) {
        db.deliver(PolicyStateFixture.event(tenant, "desk-1", new ConsentWithdrawn(consentId, patient, "patient asked"), T0.plusSeconds(60)));
        return null;
    }

    static void awaitWaitingForALock(PolicyStateFixture db, int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!"Lock".equals(db.waitEventOf(pid))) {
            if (System.nanoTime() > deadline) {
                fail("backend " + pid + " never waited for a lock");
            }
            Thread.sleep(10);
        }
    }

    private static void awaitDoneOrWaitingForALock(PolicyStateFixture db, int pid, Future<?> work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!work.isDone() && !"Lock".equals(db.waitEventOf(pid))) {
            if (System.nanoTime() > deadline) {
                fail("backend " + pid + " neither finished nor waited for a lock");
            }
            Thread.sleep(10);
        }
    }

    /** One transaction on a thread of its own: every step runs on that thread, so the transaction stays bound to it. */
    static final class Session implements AutoCloseable {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final ThreadBoundTransactions transactions;
        private Transaction transaction;

        Session(ThreadBoundTransactions transactions) {
            this.transactions = transactions;
        }

        void begin() throws Exception {
            run(() -> {
                transaction = transactions.startTransaction();
                return null;
            });
        }

        <T> Future<T> submit(Callable<T> step) {
            return thread.submit(step);
        }

        <T> T run(Callable<T> step) throws Exception {
            return submit(step).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        void commit() throws Exception {
            run(() -> {
                transaction.commit();
                transaction = null;
                return null;
            });
        }

        void rollback() throws Exception {
            run(() -> {
                transaction.rollback();
                transaction = null;
                return null;
            });
        }

        @Override
        public void close() throws Exception {
            try {
                submit(() -> {
                    if (transaction != null) {
                        transaction.rollback();
                    }
                    return null;
                }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
