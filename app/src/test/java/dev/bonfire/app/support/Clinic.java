package dev.bonfire.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds a tenant's data the way a client does: real commands over HTTP (patients by front desk,
 * clinical records by the importer, clinicians by an admin, care teams and consents by front desk),
 * each checked to answer 201.
 */
public final class Clinic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api api;
    private final String tenant;
    private final String frontDesk;
    private final String importer;
    private final String admin;
    private final java.util.Set<String> enrolled = new java.util.HashSet<>();

    /** @param tokens mints a token for (user, role) in {@code tenant} */
    public Clinic(Api api, String tenant, BiFunction<String, String, String> tokens) {
        this.api = api;
        this.tenant = tenant;
        this.frontDesk = tokens.apply("desk-" + tenant, "front-desk");
        this.importer = tokens.apply("loader-" + tenant, "importer");
        this.admin = tokens.apply("admin-" + tenant, "admin");
    }

    public String tenant() {
        return tenant;
    }

    public String registerPatient(String family, String given) {
        return create("RegisterPatient", frontDesk, demographics(family, given, null));
    }

    public String encounter(String patientId) {
        return create("RecordEncounter", importer, encounterBody(patientId));
    }

    public String observation(String patientId, String text) {
        return create("RecordObservation", importer, observationBody(patientId, text));
    }

    public String condition(String patientId) {
        return create("RecordCondition", importer, conditionBody(patientId));
    }

    public void enroll(String userId) {
        enrolled.add(userId);
        create("EnrollClinician", admin, "{\"userId\": \"" + userId + "\"}");
    }

    /** Puts the user on the patient's care team (enrolling them as a clinician first, once). */
    public String assign(String patientId, String userId) {
        if (enrolled.add(userId)) {
            enroll(userId);
        }
        return create("AssignToCareTeam", frontDesk, "{\"patientId\": \"" + patientId + "\", \"clinicianUserId\": \"" + userId + "\"}");
    }

    public String grantConsent(String patientId, String purpose) {
        return create("GrantConsent", frontDesk, "{\"patientId\": \"" + patientId + "\", \"purpose\": \"" + purpose + "\"}");
    }

    public void withdrawConsent(String consentId, String patientId) {
        Api.Response response = api.post("/api/commands/WithdrawConsent", frontDesk,
                "{\"consentId\": \"" + consentId + "\", \"patientId\": \"" + patientId + "\", \"reason\": \"patient asked\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("WithdrawConsent answered " + response.status() + ": " + response.body());
        }
    }

    public String create(String command, String token, String body) {
        Api.Response response = api.post("/api/commands/" + command, token, body);
        if (response.status() != 201) {
            throw new IllegalStateException(command + " answered " + response.status() + ": " + response.body());
        }
        return tree(response.body()).get("recordId").asText();
    }

    /** The body of RegisterPatient (or, with {@code patientId}, ChangeDemographics). */
    public static String demographics(String family, String given, String patientId) {
        String demographics = """
                {"names": [{"use": "official", "family": "%s", "given": ["%s"]}], "gender": "female", "birthDate": "1980-07"}"""
                .formatted(family, given);
        return patientId == null
                ? "{\"demographics\": " + demographics + "}"
                : "{\"patientId\": \"" + patientId + "\", \"demographics\": " + demographics + "}";
    }

    public static String encounterBody(String patientId) {
        return """
                {"patientId": "%s", "status": "finished",
                 "encounterClass": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
                 "period": {"start": "2024-05-01T09:00:00+02:00", "end": "2024-05-01T09:30:00+02:00"}}""".formatted(patientId);
    }

    /** An observation; with {@code text}, a text value (else a body height). */
    public static String observationBody(String patientId, String text) {
        String value = text == null
                ? "{\"quantity\": {\"value\": 172.50, \"unit\": \"cm\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"cm\"}}"
                : "{\"text\": \"" + text + "\"}";
        return """
                {"patientId": "%s", "status": "final",
                 "code": {"codings": [{"system": "http://loinc.org", "code": "8302-2", "display": "Body height"}]},
                 "effective": "2024-05-01T09:30:00+02:00", "value": %s}""".formatted(patientId, value);
    }

    public static String conditionBody(String patientId) {
        return """
                {"patientId": "%s", "clinicalStatus": "active",
                 "code": {"codings": [{"system": "http://snomed.info/sct", "code": "44054006", "display": "Diabetes mellitus type 2"}]},
                 "onset": "2019-04"}""".formatted(patientId);
    }

    public static String noteBody(String patientId, String noteKind) {
        return """
                {"patientId": "%s", "noteKind": "%s", "title": "Visit", "text": "Seen today."}""".formatted(patientId, noteKind);
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers with a fresh request id, to find the request's access records afterwards. */
    public static Map<String, String> requestId(String id) {
        return Map.of("X-Request-Id", id);
    }
}
