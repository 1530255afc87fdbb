package dev.bonfire.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bonfire.app.support.AccessRecords;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.Clinic;
import dev.bonfire.app.support.ServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the access log holds and when: identifiers and digests, never the canary PHI seeded into the
 * data; records appended before data leaves, so a failing append fails the request and returns
 * nothing; the history door; request ids; idempotent replays decided like the command they repeat.
 */
@MicronautTest
class AccessLogBehaviourTest extends ServerTest {

    private static final String TENANT = "log-clinic";
    /** Canary PHI: a family name and an observation text that must never reach the log or an error. */
    private static final String CANARY_NAME = "Quillfeatherby";
    private static final String CANARY_TEXT = "canary-note-7731-patient-says-hello";
    /** Requests of this actor cannot be recorded: a trigger makes the event store refuse their access records. */
    private static final String UNRECORDABLE = "audit-breaker";

    private Clinic clinic;
    private String patient;
    private String observation;
    private String otherPatient;
    private final String clinician = token("dr-log", TENANT, "clinician");
    private final String frontDesk = token("desk-log", TENANT, "front-desk");

    @BeforeAll
    void givenACanaryPatient() throws SQLException {
        clinic = new Clinic(api(), TENANT, (user, role) -> token(user, TENANT, role));
        patient = clinic.registerPatient(CANARY_NAME, "Cora");
        observation = clinic.observation(patient, CANARY_TEXT);
        clinic.condition(patient);
        clinic.assign(patient, "dr-log");
        clinic.assign(patient, UNRECORDABLE);
        otherPatient = clinic.registerPatient("Elsewhere", "Eli");
        try (Connection connection = database().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create function refuse_unrecordable() returns trigger language plpgsql as $$
                    begin
                      if new.payload_type = 'dev.bonfire.policy.event.AccessRecorded'
                         and convert_from(new.meta_data, 'UTF8') like '%"audit-breaker"%' then
                        raise exception 'the access log is down';
                      end if;
                      return new;
                    end $$""");
            statement.execute("create trigger refuse_unrecordable before insert on domain_event_entry "
                    + "for each row execute function refuse_unrecordable()");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/api/patients/" + patient + "/observations", clinician)
                .body().contains(CANARY_TEXT));
    }

    @Test
    void canaryPhi_neverReachesTheAccessLog_norAnErrorBody() {
        List<Api.Response> responses = new ArrayList<>();
        String outsider = token("dr-out", TENANT, "clinician");
        responses.add(api().get("/api/patients?name=" + CANARY_NAME.substring(0, 8), frontDesk));
        responses.add(api().get("/api/patients?name=" + CANARY_NAME, clinician));
        responses.add(api().get("/api/patients/" + patient, clinician));
        responses.add(api().get("/api/patients/" + patient + "/observations?code=http://loinc.org%7C8302-2", clinician));
        responses.add(api().get("/api/patients/" + patient + "/observations/" + observation, clinician));
        responses.add(api().get("/api/patients/" + patient + "/history", clinician));
        List<Api.Response> errors = List.of(
                api().get("/api/patients/" + patient, outsider),
                api().get("/api/patients/" + patient + "/observations", outsider),
                api().get("/api/patients/" + patient + "/observations/" + observation, frontDesk),
                api().get("/api/patients/" + patient + "/history", token("loader", TENANT, "importer")),
                api().get("/api/patients/" + patient + "/observations/" + observation, token("dr-log", "other-tenant", "clinician")),
                api().post("/api/commands/AmendObservation", outsider, "{\"observationId\": \"" + observation + "\", \"patientId\": \""
                        + patient + "\", \"value\": {\"text\": \"x\"}, \"reason\": \"typo\"}"),
                api().get("/api/patients/" + patient, token(UNRECORDABLE, TENANT, "clinician")));
        responses.addAll(errors);

        assertThat(responses.get(1).body()).contains(CANARY_NAME);  // the canary is really there to be found
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.status()).isGreaterThanOrEqualTo(400);
            assertThat(error.body()).doesNotContainIgnoringCase(CANARY_NAME).doesNotContainIgnoringCase(CANARY_TEXT);
        });
        List<AccessRecords.Entry> records = accessRecords().all();
        assertThat(records).hasSizeGreaterThan(responses.size());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.payloadText()).doesNotContainIgnoringCase(CANARY_NAME).doesNotContainIgnoringCase(CANARY_TEXT)
                    .doesNotContainIgnoringCase(CANARY_NAME.substring(0, 8));
            assertThat(record.metaDataText()).doesNotContainIgnoringCase(CANARY_NAME).doesNotContainIgnoringCase(CANARY_TEXT);
        });
        assertThat(records).filteredOn(record -> record.door().equals("GET /api/patients") && record.payload().hasNonNull("queryDigest"))
                .isNotEmpty()
                .allSatisfy(record -> assertThat(record.payload().get("queryDigest").asText()).matches("hmac-sha256:[0-9a-f]{64}"));
    }

    @Test
    void aReadWhoseAccessRecordCannotBeAppended_failsAndReturnsNothing() {
        String unrecordable = token(UNRECORDABLE, TENANT, "clinician");

        for (String path : List.of("/api/patients/" + patient, "/api/patients/" + patient + "/observations",
                "/api/patients/" + patient + "/observations/" + observation, "/api/patients/" + patient + "/history",
                "/api/patients?name=" + CANARY_NAME, "/api/patients/" + otherPatient)) {
            Api.Response response = api().get(path, unrecordable);

            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.body()).as(path).doesNotContain(patient).doesNotContain(CANARY_NAME).doesNotContain(CANARY_TEXT)
                    .doesNotContain(observation).contains("access-log-unavailable");
        }
    }

    @Test
    void aWriteWhoseAccessRecordCannotBeAppended_failsAndWritesNothing_permittedOrNot() {
        String unrecordable = token(UNRECORDABLE, TENANT, "clinician");
        long events = eventCount();

        Api.Response permitted = api().post("/api/commands/RecordObservation", unrecordable, Clinic.observationBody(patient, null));
        Api.Response refused = api().post("/api/commands/RecordObservation", unrecordable, Clinic.observationBody(otherPatient, null));

        assertThat(permitted.status()).as(permitted.body()).isIn(500, 503);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedWrite_leavesItsAccessRecord_andNoDomainEvent() {
        String requestId = "refused-" + UUID.randomUUID();
        long events = eventCount();

        Api.Response response = api().post("/api/commands/RecordObservation", token("dr-out", TENANT, "clinician"),
                Clinic.observationBody(patient, null), Clinic.requestId(requestId));

        assertThat(response.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
        List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo("DENY");
            assertThat(record.rule()).isEqualTo("patient-scope");
            assertThat(record.door()).isEqualTo("POST /api/commands/RecordObservation");
            assertThat(record.patientIds()).containsExactly(patient);
            JsonNode metaData = record.metaData();
            assertThat(metaData.get("actorId").asText()).isEqualTo("dr-out");
            assertThat(metaData.get("actorRole").asText()).isEqualTo("clinician");
            assertThat(metaData.get("purpose").asText()).isEqualTo("TREAT");
            assertThat(metaData.get("via").asText()).isEqualTo("test-suite");
            assertThat(metaData.get("tenant").asText()).isEqualTo(TENANT);
            assertThat(metaData.get("correlationId").asText()).isEqualTo(requestId);
        });
    }

    @Test
    void theHistoryDoor_listsChangesWithoutValues_andLeavesOutKindsTheCallerMayNotRead() {
        String amendment = "{\"observationId\": \"" + observation + "\", \"patientId\": \"" + patient
                + "\", \"value\": {\"text\": \"amended-value-314\"}, \"reason\": \"typo\", \"expectedVersion\": 0}";
        Api.Response amended = api().post("/api/commands/AmendObservation", clinician, amendment);
        assertThat(amended.status()).as(amended.body()).isIn(200, 409);

        JsonNode clinicianView = Clinic.tree(api().get("/api/patients/" + patient + "/history", clinician).body());
        Api.Response deskResponse = api().get("/api/patients/" + patient + "/history", frontDesk);
        JsonNode deskView = Clinic.tree(deskResponse.body());

        List<String> types = new ArrayList<>();
        clinicianView.get("items").forEach(entry -> types.add(entry.get("eventType").asText()));
        assertThat(types).contains("PatientRegistered", "ObservationRecorded", "ObservationAmended", "ConditionRecorded", "AssignedToCareTeam");
        JsonNode amendedEntry = find(clinicianView, "ObservationAmended");
        assertThat(amendedEntry.get("recordId").asText()).isEqualTo(observation);
        assertThat(amendedEntry.get("version").asLong()).isEqualTo(1);
        assertThat(amendedEntry.get("actorId").asText()).isEqualTo("dr-log");
        assertThat(amendedEntry.get("kind").asText()).isEqualTo("OBSERVATION");
        assertThat(clinicianView.toString()).doesNotContain("amended-value-314").doesNotContain(CANARY_TEXT).doesNotContain(CANARY_NAME);
        List<String> deskKinds = new ArrayList<>();
        deskView.get("items").forEach(entry -> deskKinds.add(entry.get("kind").asText()));
        assertThat(deskResponse.status()).isEqualTo(200);
        assertThat(deskKinds).contains("DEMOGRAPHICS", "CARE_TEAM").doesNotContain("OBSERVATION", "CONDITION");
    }

    @Test
    void everyResponse_carriesARequestId_andAnUnsafeOneIsReplaced_beforeItReachesTheLog() {
        Api.Response safe = api().get("/api/patients/" + patient, clinician, Map.of("X-Request-Id", "abc-123"));
        Api.Response unsafe = api().get("/api/patients/" + patient, clinician, Map.of("X-Request-Id", "Cora " + CANARY_NAME + " DOB 1980"));
        Api.Response none = api().get("/api/patients/" + UUID.randomUUID(), clinician);

        assertThat(safe.headers().get("x-request-id")).containsExactly("abc-123");
        assertThat(accessRecords().ofRequest("abc-123")).hasSize(1);
        String replaced = unsafe.headers().get("x-request-id").get(0);
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(accessRecords().ofRequest(replaced)).hasSize(1);
        assertThat(none.status()).isEqualTo(404);
        assertThat(accessRecords().ofRequest(none.headers().get("x-request-id").get(0))).hasSize(1);
    }

    @Test
    void anIdempotentReplay_isDecidedLikeItsCommand_andAnotherCallersRepeatOfTheKeyGetsNoAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", "obs-" + UUID.randomUUID());
        Api.Response first = api().post("/api/commands/RecordObservation", clinician, Clinic.observationBody(patient, null), key);
        String replayId = "replay-" + UUID.randomUUID();
        Map<String, String> replayHeaders = new java.util.HashMap<>(key);
        replayHeaders.put("X-Request-Id", replayId);

        Api.Response replay = api().post("/api/commands/RecordObservation", clinician, Clinic.observationBody(patient, null), replayHeaders);
        Api.Response otherCaller = api().post("/api/commands/RecordObservation", token("dr-out", TENANT, "clinician"),
                Clinic.observationBody(patient, null), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(accessRecords().ofRequest(replayId)).singleElement().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo("PERMIT");
            assertThat(record.recordIds()).containsExactly(Clinic.tree(first.body()).get("recordId").asText());
        });
        assertThat(otherCaller.status()).isIn(403, 422);
        assertThat(otherCaller.body()).doesNotContain(Clinic.tree(first.body()).get("recordId").asText());
    }

    private static JsonNode find(JsonNode page, String eventType) {
        for (JsonNode entry : page.get("items")) {
            if (entry.get("eventType").asText().equals(eventType)) {
                return entry;
            }
        }
        throw new AssertionError("no " + eventType + " in " + page);
    }
}
