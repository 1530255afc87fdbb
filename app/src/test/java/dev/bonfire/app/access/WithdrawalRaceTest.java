package dev.bonfire.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bonfire.app.support.AccessRecords;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.Clinic;
import dev.bonfire.app.support.ServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A consent is withdrawn while reads of the patient are in flight, on real threads over real HTTP. No
 * read that started after the withdrawal committed may return data; and in the log, every permitted
 * read of the patient was recorded before the withdrawal, every later one refused.
 */
@MicronautTest
class WithdrawalRaceTest extends ServerTest {

    private static final String TENANT = "race-clinic";
    private static final int READERS = 6;

    /** One read: when it started and ended (System.nanoTime) and what it got. */
    record Read(String requestId, long startedAt, long endedAt, int status, boolean data) {
    }

    @Test
    void noReadThatStartsAfterTheWithdrawalCommitted_returnsData() throws Exception {
        Clinic clinic = new Clinic(api(), TENANT, (user, role) -> token(user, TENANT, role));
        String patient = clinic.registerPatient("Racewell", "Rae");
        clinic.observation(patient, null);
        clinic.assign(patient, "dr-race");
        String consent = clinic.grantConsent(patient, "TREAT");
        String clinician = token("dr-race", TENANT, "clinician");
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/api/patients/" + patient + "/observations", clinician)
                .body().contains("\"total\":1"));

        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(READERS * 5);
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        for (int i = 0; i < READERS; i++) {
            String path = i % 2 == 0 ? "/api/patients/" + patient + "/observations" : "/api/patients/" + patient;
            readers.submit(() -> {
                while (!stop.get()) {
                    String requestId = UUID.randomUUID().toString();
                    long started = System.nanoTime();
                    Api.Response response = api().get(path, clinician, Clinic.requestId(requestId));
                    boolean data = response.status() == 200 && response.body().contains(patient);
                    reads.add(new Read(requestId, started, System.nanoTime(), response.status(), data));
                    warmedUp.countDown();
                }
                return null;
            });
        }
        assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();

        long withdrawalSent = System.nanoTime();
        clinic.withdrawConsent(consent, patient);
        long withdrawalCommitted = System.nanoTime(); // the answer comes after the commit: a safe upper bound
        Thread.sleep(750);
        stop.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Read> before = reads.stream().filter(r -> r.endedAt() < withdrawalSent).toList();
        List<Read> after = reads.stream().filter(r -> r.startedAt() > withdrawalCommitted).toList();
        assertThat(before).as("reads that ended before the withdrawal was sent").isNotEmpty().allMatch(Read::data);
        assertThat(after).as("reads that started after the withdrawal committed").hasSizeGreaterThan(READERS);
        assertThat(after).as("no read that started after the withdrawal committed returned data")
                .allMatch(r -> r.status() == 403 && !r.data());
        assertThat(reads).as("every read either returned data or was refused").allMatch(r -> r.data() || r.status() == 403);

        // the log agrees: permitted reads of the patient sit before the withdrawal, refusals after it
        long withdrawal = positionOf("dev.bonfire.domain.consent.ConsentWithdrawn");
        for (Read read : reads) {
            List<AccessRecords.Entry> records = accessRecords().ofRequest(read.requestId());
            assertThat(records).hasSize(1);
            AccessRecords.Entry record = records.get(0);
            if (read.data()) {
                assertThat(record.outcome()).isEqualTo("PERMIT");
                assertThat(record.position()).as("a permitted read is recorded before the withdrawal").isLessThan(withdrawal);
            } else {
                assertThat(record.outcome()).isEqualTo("DENY");
                assertThat(record.rule()).isEqualTo("consent");
                assertThat(record.position()).isGreaterThan(withdrawal);
            }
        }
    }

    private long positionOf(String payloadType) {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select max(global_index) from domain_event_entry where payload_type = ?")) {
            statement.setString(1, payloadType);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
