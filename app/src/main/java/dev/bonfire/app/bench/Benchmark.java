package dev.bonfire.app.bench;

import ca.uhn.fhir.context.FhirContext;
import dev.bonfire.app.auth.DevelopmentTokens;
import dev.bonfire.app.sample.SampleClinic;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.fhir.importer.FhirBundleImporter;
import dev.bonfire.fhir.importer.ImportReport;
import dev.bonfire.fhir.importer.ProgressListener;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.access.Disclosure;
import dev.bonfire.policy.access.DoorRequest;
import dev.bonfire.policy.access.GatedAccess;
import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import dev.bonfire.query.read.PatientQueries;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the three measurements against a running application context (real HTTP, real PostgreSQL):
 * import throughput, command latency over HTTP, and the gate's overhead on a read.
 */
final class Benchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TENANT = "bench-clinic";

    private final ApplicationContext context;
    private final String jwtSecret;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newHttpClient();

    Benchmark(ApplicationContext context, String jwtSecret, PrintStream progress) {
        this.context = context;
        this.jwtSecret = jwtSecret;
        this.progress = progress;
    }

    /** Imports the sample clinic in-process; returns resources per second over the whole import. */
    ImportResult importThroughput(int patients) {
        List<String> bundles = new SampleClinic(42, FhirContext.forR4Cached()).bundles(patients);
        FhirBundleImporter importer = context.getBean(FhirBundleImporter.class);
        progress.println("warming up the FHIR validator (first validation is slow)...");
        importer.importBundle("bench-warmup", "bench", stream(bundles.get(0)), ProgressListener.NONE);
        long resources = 0;
        long start = System.nanoTime();
        for (int i = 0; i < bundles.size(); i++) {
            ImportReport report = importer.importBundle(TENANT, "bench-loader", stream(bundles.get(i)), ProgressListener.NONE);
            if (report.status() != ImportReport.Status.IMPORTED) {
                throw new IllegalStateException("bundle " + i + " was not imported: " + report.message());
            }
            resources += report.byType().values().stream().mapToLong(c -> c.imported()).sum();
            if ((i + 1) % 10 == 0 || i + 1 == bundles.size()) {
                progress.printf("\rimport: %d/%d bundles, %d resources", i + 1, bundles.size(), resources);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.println();
        return new ImportResult(bundles.size(), resources, seconds, resources / seconds);
    }

    record ImportResult(int bundles, long resources, double seconds, double perSecond) {
    }

    /** Sends {@code count} RecordObservation commands over HTTP, one at a time, after a warm-up. */
    Stats commandLatency(int count) throws Exception {
        URI base = context.getBean(EmbeddedServer.class).getURI();
        String admin = token("bench-admin", "admin");
        String frontDesk = token("bench-desk", "front-desk");
        String clinician = token("bench-dr", "clinician");
        String patientId = firstPatient(base, frontDesk);
        post(base, "EnrollClinician", admin, "{\"userId\": \"bench-dr\"}");
        post(base, "AssignToCareTeam", frontDesk, "{\"patientId\": \"" + patientId + "\", \"clinicianUserId\": \"bench-dr\"}");
        int warmup = Math.min(200, count / 5);
        long[] nanos = new long[count];
        for (int i = -warmup; i < count; i++) {
            String body = """
                    {"patientId": "%s", "status": "final",
                     "code": {"codings": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]},
                     "effective": "2024-06-01T10:%02d:%02d+02:00",
                     "value": {"quantity": {"value": %d, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}}}
                    """.formatted(patientId, Math.floorMod(i, 60), Math.floorMod(i * 7, 60), 60 + Math.floorMod(i, 40));
            long start = System.nanoTime();
            post(base, "RecordObservation", clinician, body);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
                if ((i + 1) % 100 == 0) {
                    progress.printf("\rcommands: %d/%d", i + 1, count);
                }
            }
        }
        progress.println();
        return Stats.of(nanos);
    }

    /** The same patient read, through the gate and its access log, and straight from the read model. */
    Map<String, Stats> gateOverhead(int count) throws Exception {
        URI base = context.getBean(EmbeddedServer.class).getURI();
        String patientId = firstPatient(base, token("bench-desk", "front-desk"));
        Caller caller = new Caller(TENANT, "bench-dr", "clinician", "TREAT", "bench");
        GatedAccess gated = context.getBean(GatedAccess.class);
        PatientQueries patients = context.getBean(PatientQueries.class);
        ThreadBoundTransactions transactions = context.getBean(ThreadBoundTransactions.class);
        long[] withGate = new long[count];
        long[] withoutGate = new long[count];
        for (int i = -Math.min(200, count / 5); i < count; i++) {
            long start = System.nanoTime();
            gated.read(DoorRequest.patient("bench", caller, "bench-" + i, Action.READ, RecordKind.DEMOGRAPHICS, patientId, patientId, Map.of()),
                    patients::find, patient -> Disclosure.ofPatient(patientId, List.of(patient.id())));
            long gatedNanos = System.nanoTime() - start;
            start = System.nanoTime();
            transactions.fetchInTransaction(() -> {
                // the same row, read without a permit: what the gate and its access record add is the difference
                try (Connection connection = transactions.getConnection();
                     java.sql.PreparedStatement select = connection.prepareStatement("select * from patient_view where tenant_id = ? and id = ?")) {
                    TenantSql.bind(connection, TENANT);
                    select.setString(1, TENANT);
                    select.setString(2, patientId);
                    try (java.sql.ResultSet row = select.executeQuery()) {
                        return row.next();
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long plainNanos = System.nanoTime() - start;
            if (i >= 0) {
                withGate[i] = gatedNanos;
                withoutGate[i] = plainNanos;
                if ((i + 1) % 500 == 0) {
                    progress.printf("\rreads: %d/%d", i + 1, count);
                }
            }
        }
        progress.println();
        return Map.of("gated", Stats.of(withGate), "ungated", Stats.of(withoutGate));
    }

    private String firstPatient(URI base, String token) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/patients?limit=1"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() == 200 && id.find()) {
                return id.group(1);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read model never showed a patient");
    }

    private void post(URI base, String command, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/commands/" + command))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(command + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private String token(String user, String role) {
        return DevelopmentTokens.mint(jwtSecret, user, TENANT, role, "TREAT", "bench", Duration.ofHours(2));
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
