package dev.bonfire.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.ServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The write door over real HTTP: commands, metadata, the gate, idempotency, versions, bad input. */
@MicronautTest
class CommandApiTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PATIENT = """
            {"demographics": {"names": [{"use": "official", "family": "Osei", "given": ["Ama"]}],
             "gender": "female", "birthDate": "1980-07"}}""";

    private final String frontDeskA = token("desk-a", "tenant-a", "front-desk");
    private final String clinicianA = token("dr-a", "tenant-a", "clinician");
    private final String clinicianB = token("dr-b", "tenant-b", "clinician");

    @Test
    void registerPatient_appendsOneEvent_withTheCallersMetadata() throws Exception {
        long before = eventCount();

        Api.Response response = api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT, Map.of("X-Source", "front-desk-app"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode result = JSON.readTree(response.body());
        String patientId = result.get("recordId").asText();
        assertThat(UUID.fromString(patientId)).isNotNull();
        assertThat(result.get("version").asLong()).isZero();
        assertThat(eventCount()).isEqualTo(before + 1);
        JsonNode metaData = JSON.readTree(eventMetaData(patientId));
        assertThat(metaData.get("tenant").asText()).isEqualTo("tenant-a");
        assertThat(metaData.get("actorId").asText()).isEqualTo("desk-a");
        assertThat(metaData.get("actorRole").asText()).isEqualTo("front-desk");
        assertThat(metaData.get("purpose").asText()).isEqualTo("TREAT");
        assertThat(metaData.get("via").asText()).isEqualTo("test-suite");
        assertThat(metaData.get("source").asText()).isEqualTo("front-desk-app");
        assertThat(metaData.get("correlationId").asText()).isNotBlank();
        assertThat(metaData.get("time").asText()).isNotBlank();
    }

    @Test
    void recordObservation_isForbidden_forFrontDesk_andAppendsNothing() throws Exception {
        String patientId = registerPatient(frontDeskA);
        long before = eventCount();

        Api.Response response = api().post("/api/commands/RecordObservation", frontDeskA, observation(patientId));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("minimum-necessary");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anotherTenantsPatient_answersExactlyLikeAPatientThatNeverExisted() throws Exception {
        String patientOfA = registerPatient(frontDeskA);
        long before = eventCount();

        Api.Response otherTenant = api().post("/api/commands/RecordObservation", clinicianB, observation(patientOfA));
        Api.Response neverExisted = api().post("/api/commands/RecordObservation", clinicianB, observation(UUID.randomUUID().toString()));

        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.body()).isEqualTo(neverExisted.body());
        assertThat(otherTenant.contentType()).isEqualTo(neverExisted.contentType());
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void clinician_recordsAnObservation_forAPatientOnTheirCareTeam() throws Exception {
        String patientId = registerPatient(frontDeskA);
        api().post("/api/commands/EnrollClinician", token("admin-a", "tenant-a", "admin"), "{\"userId\": \"dr-a\"}");
        assertThat(api().post("/api/commands/AssignToCareTeam", frontDeskA,
                "{\"patientId\": \"" + patientId + "\", \"clinicianUserId\": \"dr-a\"}").status()).isEqualTo(201);

        Api.Response response = api().post("/api/commands/RecordObservation", clinicianA, observation(patientId));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void assigningAUserWhoIsNotAnEnrolledClinician_isRefused_andAppendsNothing() throws Exception {
        String patientId = registerPatient(frontDeskA);
        long before = eventCount();

        Api.Response response = api().post("/api/commands/AssignToCareTeam", frontDeskA,
                "{\"patientId\": \"" + patientId + "\", \"clinicianUserId\": \"not-enrolled\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("not an enrolled clinician");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anObservationNamingAnotherPatientsOrAnUnknownEncounter_isRefused_andAppendsNothing() throws Exception {
        String patientId = registerPatient(frontDeskA);
        String otherPatient = registerPatient(frontDeskA);
        api().post("/api/commands/EnrollClinician", token("admin-a", "tenant-a", "admin"), "{\"userId\": \"dr-a\"}");
        for (String patient : List.of(patientId, otherPatient)) {
            api().post("/api/commands/AssignToCareTeam", frontDeskA, "{\"patientId\": \"" + patient + "\", \"clinicianUserId\": \"dr-a\"}");
        }
        Api.Response encounter = api().post("/api/commands/RecordEncounter", clinicianA, "{\"patientId\": \"" + otherPatient
                + "\", \"status\": \"finished\", \"encounterClass\": {\"system\": \"http://terminology.hl7.org/CodeSystem/v3-ActCode\", \"code\": \"AMB\"}}");
        assertThat(encounter.status()).as(encounter.body()).isEqualTo(201);
        String othersEncounter = JSON.readTree(encounter.body()).get("recordId").asText();
        long before = eventCount();

        Api.Response wrongPatient = api().post("/api/commands/RecordObservation", clinicianA,
                observation(patientId).replace("\"status\"", "\"encounterId\": \"" + othersEncounter + "\", \"status\""));
        Api.Response unknown = api().post("/api/commands/RecordObservation", clinicianA,
                observation(patientId).replace("\"status\"", "\"encounterId\": \"" + UUID.randomUUID() + "\", \"status\""));

        assertThat(wrongPatient.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(JSON.readTree(wrongPatient.body()).get("detail")).isEqualTo(JSON.readTree(unknown.body()).get("detail"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void repeatedIdempotencyKey_returnsTheFirstResult_andAppendsNothing() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "register-" + UUID.randomUUID());
        Api.Response first = api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT, key);
        long after = eventCount();

        Api.Response repeat = api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(JSON.readTree(repeat.body()).get("recordId")).isEqualTo(JSON.readTree(first.body()).get("recordId"));
        assertThat(JSON.readTree(repeat.body()).get("replayed").asBoolean()).isTrue();
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void reusedIdempotencyKey_withAnotherPayload_isRefused() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "register-" + UUID.randomUUID());
        api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT, key);
        long after = eventCount();

        Api.Response other = api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT.replace("Osei", "Mensah"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(after);
    }

    @Test
    void staleExpectedVersion_isAConflict() throws Exception {
        String patientId = registerPatient(frontDeskA);
        assertThat(api().post("/api/commands/ChangeDemographics", frontDeskA, demographicsChange(patientId, 0, "Boateng")).status())
                .isEqualTo(200);
        long before = eventCount();

        Api.Response stale = api().post("/api/commands/ChangeDemographics", frontDeskA, demographicsChange(patientId, 0, "Asante"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void concurrentChanges_onOneRecord_oneWins_theOtherGets409_noEventLost() throws Exception {
        String patientId = registerPatient(frontDeskA);
        long before = eventCount();
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String family = "Family" + i;
            Callable<Integer> write = () -> {
                start.await();
                return api().post("/api/commands/ChangeDemographics", frontDeskA, demographicsChange(patientId, 0, family)).status();
            };
            statuses.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn(s -> s == 200).hasSize(1);
        assertThat(results).filteredOn(s -> s == 409).hasSize(writers - 1);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void badInput_getsAProblem_andChangesNothing() throws Exception {
        long before = eventCount();
        List<Api.Response> responses = List.of(
                api().post("/api/commands/RegisterPatient", frontDeskA, "{\"demographics\": "),
                api().post("/api/commands/RegisterPatient", frontDeskA, "{\"demographics\": {\"names\": []}}"),
                api().post("/api/commands/RegisterPatient", frontDeskA, PATIENT.replace("1980-07", "1980-13")),
                api().post("/api/commands/RegisterPatient", frontDeskA, "{\"patientId\": \"chosen\", " + PATIENT.substring(1)),
                api().post("/api/commands/RegisterPatient", frontDeskA, "{\"demographics\": {}, \"demographics\": {}}"),
                api().post("/api/commands/NoSuchCommand", frontDeskA, PATIENT),
                api().post("/api/commands/RegisterPatient", frontDeskA, "[1, 2]"));

        for (Api.Response response : responses) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asText()).isNotBlank();
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void requestWithoutToken_isUnauthorized() {
        assertThat(api().post("/api/commands/RegisterPatient", null, PATIENT).status()).isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKey_isUnauthorized() {
        String forged = dev.bonfire.app.auth.DevelopmentTokens.mint("another-secret-that-is-long-enough-0123456789",
                "mallory", "tenant-a", "admin", "TREAT", "x", java.time.Duration.ofHours(1));

        assertThat(api().post("/api/commands/RegisterPatient", forged, PATIENT).status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutExpiry_isUnauthorized() throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("mallory").claim("tenant", "tenant-a").claim("role", "admin").claim("purpose", "TREAT").claim("via", "x").build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(JWT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(api().post("/api/commands/RegisterPatient", jwt.serialize(), PATIENT).status()).isEqualTo(401);
    }

    @Test
    void decimals_keepTheirWrittenPrecision_throughTheCommandApi() throws Exception {
        String patientId = registerPatient(frontDeskA);
        api().post("/api/commands/EnrollClinician", token("admin-a", "tenant-a", "admin"), "{\"userId\": \"dr-a\"}");
        api().post("/api/commands/AssignToCareTeam", frontDeskA, "{\"patientId\": \"" + patientId + "\", \"clinicianUserId\": \"dr-a\"}");

        Api.Response response = api().post("/api/commands/RecordObservation", clinicianA, observation(patientId).replace("172.50", "1.50"));

        assertThat(response.status()).isEqualTo(201);
        String recordId = JSON.readTree(response.body()).get("recordId").asText();
        assertThat(eventPayload(recordId)).contains("\"value\":1.50");
    }

    private String registerPatient(String token) throws Exception {
        Api.Response response = api().post("/api/commands/RegisterPatient", token, PATIENT);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("recordId").asText();
    }

    private static String observation(String patientId) {
        return """
                {"patientId": "%s", "status": "final",
                 "code": {"codings": [{"system": "http://loinc.org", "code": "8302-2", "display": "Body height"}]},
                 "effective": "2024-05-01T09:30:00+02:00",
                 "value": {"quantity": {"value": 172.50, "unit": "cm", "system": "http://unitsofmeasure.org", "code": "cm"}}}
                """.formatted(patientId);
    }

    private static String demographicsChange(String patientId, long expectedVersion, String family) {
        return """
                {"patientId": "%s", "expectedVersion": %d,
                 "demographics": {"names": [{"use": "official", "family": "%s", "given": ["Ama"]}], "gender": "female", "birthDate": "1980-07"}}
                """.formatted(patientId, expectedVersion, family);
    }

    private String eventPayload(String aggregateId) throws Exception {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private String eventMetaData(String aggregateId) throws Exception {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
