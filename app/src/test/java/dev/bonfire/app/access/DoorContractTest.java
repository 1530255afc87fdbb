package dev.bonfire.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bonfire.app.auth.DevelopmentTokens;
import dev.bonfire.app.support.AccessRecords;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.Clinic;
import dev.bonfire.app.support.ServerTest;
import dev.bonfire.command.CommandCatalog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The door contract: every HTTP route and every command is either public (listed below, with why) or
 * gated, and "gated" is shown, not assumed: called by a caller whose role is granted nothing, each
 * answers 403 or 404 and leaves exactly one access record, with outcome DENY or NOT_FOUND. A route or
 * command added without both fails here until it is gated and given a sample request below.
 */
@MicronautTest
class DoorContractTest extends ServerTest {

    private static final String TENANT = "door-clinic";

    /** Routes open without a gate decision, and why. Nothing here returns patient data. */
    private static final Map<String, String> PUBLIC = Map.of(
            "GET /health", "liveness for load balancers; anonymous, says UP or DOWN only",
            "GET /health/{selector}", "the same, per health indicator (details never shown)",
            "GET /api/commands", "the names of the commands the server accepts",
            "GET /api/policy", "the caller's own tenant's access policy document: roles and rules, no patient data");

    /** The one route every command goes through; each command is checked on its own below. */
    private static final String COMMAND_ROUTE = "POST /api/commands/{command}";

    @Inject
    Router router;

    private final String nobody = token("aud-1", TENANT, "auditor");
    private Map<String, String> ids;

    @BeforeAll
    void givenOneOfEachRecord() {
        Clinic clinic = new Clinic(api(), TENANT, (user, role) -> token(user, TENANT, role));
        String patient = clinic.registerPatient("Doorway", "Dana");
        clinic.enroll("dr-door");
        ids = Map.of(
                "patient", patient,
                "encounter", clinic.encounter(patient),
                "observation", clinic.observation(patient, null),
                "condition", clinic.condition(patient),
                "note", clinic.create("DraftNote", token("loader-" + TENANT, TENANT, "importer"), Clinic.noteBody(patient, "CLINICAL")),
                "consent", clinic.grantConsent(patient, "TREAT"),
                "assignment", clinic.assign(patient, "dr-door"));
    }

    @Test
    void everyRoute_isPublicOrGated() {
        Set<String> routes = routes();
        Set<String> known = new TreeSet<>(publicRoutes());
        known.addAll(gatedRequests().keySet());
        known.add(COMMAND_ROUTE);

        assertThat(routes).as("routes that are neither public nor shown gated: gate them (GatedAccess, the command bus, "
                + "or GatedAccess.refuse for a door's own rule) and add a sample request to gatedRequests()").isSubsetOf(known);
        assertThat(known).as("listed routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void everyGatedRoute_refusesACallerWithNoGrants_andRecordsExactlyOneRefusal() {
        Map<String, String> failures = new TreeMap<>();
        gatedRequests().forEach((route, request) -> {
            String requestId = "door-" + UUID.randomUUID();
            Api.Response response = request.send(api(), nobody, requestId);
            List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
            String problem = check(response, records);
            if (problem != null) {
                failures.put(route, problem);
            }
        });
        assertThat(failures).as("routes that are not gated as they should be").isEmpty();
    }

    @Test
    void everyCommand_isRefusedToACallerWithNoGrants_recordedOnce_andWritesNothing() {
        assertThat(CommandCatalog.names()).as("commands without a sample body below").isSubsetOf(commandBodies().keySet());
        Map<String, String> failures = new TreeMap<>();
        for (String command : CommandCatalog.names()) {
            long events = eventCount();
            String requestId = "cmd-" + UUID.randomUUID();
            Api.Response response = api().post("/api/commands/" + command, nobody, fill(commandBodies().get(command)),
                    Clinic.requestId(requestId));
            String problem = check(response, accessRecords().ofRequest(requestId));
            if (problem == null && eventCount() != events) {
                problem = "a refused command appended a domain event";
            }
            if (problem != null) {
                failures.put(command, problem);
            }
        }
        assertThat(failures).as("commands that are not gated as they should be").isEmpty();
    }

    @Test
    void aCallerThatDoesNotNameItsPurpose_isRefusedAtEveryDoor_andRecorded() {
        String noPurpose = DevelopmentTokens.mint(JWT_SECRET, "dr-door", TENANT, "clinician", null, "test-suite", Duration.ofHours(1));
        Map<String, String> failures = new TreeMap<>();
        gatedRequests().forEach((route, request) -> {
            String requestId = "incomplete-" + UUID.randomUUID();
            Api.Response response = request.send(api(), noPurpose, requestId);
            List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
            // the import door writes with a purpose of its own (HOPERAT), so it refuses this clinician by role instead
            String rule = route.endsWith("/api/import/fhir") ? "import-role" : "caller-complete";
            if (response.status() != 403 || records.size() != 1 || !"DENY".equals(records.get(0).outcome())
                    || !rule.equals(records.get(0).rule())) {
                failures.put(route, response.status() + " " + records.stream().map(r -> r.outcome() + "/" + r.rule()).toList());
            }
        });
        String requestId = "incomplete-" + UUID.randomUUID();
        Api.Response command = api().post("/api/commands/RecordObservation", noPurpose, Clinic.observationBody(ids.get("patient"), null),
                Clinic.requestId(requestId));
        List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
        if (command.status() != 403 || records.size() != 1 || !"caller-complete".equals(records.get(0).rule())) {
            failures.put(COMMAND_ROUTE, command.status() + " " + records.stream().map(r -> r.outcome() + "/" + r.rule()).toList());
        }
        assertThat(failures).isEmpty();
    }

    private static String check(Api.Response response, List<AccessRecords.Entry> records) {
        if (response.status() != 403 && response.status() != 404) {
            return "answered " + response.status() + ": " + response.body();
        }
        if (records.size() != 1) {
            return records.size() + " access records instead of exactly one";
        }
        String outcome = records.get(0).outcome();
        if (!outcome.equals("DENY") && !outcome.equals("NOT_FOUND")) {
            return "access record with outcome " + outcome;
        }
        if (response.status() == 404 != outcome.equals("NOT_FOUND")) {
            return "status " + response.status() + " but outcome " + outcome;
        }
        return null;
    }

    /** The public routes, and their HEAD twins (Micronaut answers HEAD for every GET with the same handler). */
    private static Set<String> publicRoutes() {
        Set<String> routes = new TreeSet<>(PUBLIC.keySet());
        PUBLIC.keySet().stream().filter(route -> route.startsWith("GET ")).forEach(route -> routes.add("HEAD " + route.substring(4)));
        return routes;
    }

    private Set<String> routes() {
        return router.uriRoutes()
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString().replaceAll("\\{[?&][^}]*}", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A sample request for every gated route: real ids of this tenant, so the gate, not a missing record, decides. */
    private Map<String, Request> gatedRequests() {
        String p = "/api/patients/" + ids.get("patient");
        Map<String, Request> requests = new TreeMap<>();
        requests.put("GET /api/patients", Request.get("/api/patients?name=Doorway"));
        requests.put("GET /api/patients/{id}", Request.get(p));
        requests.put("GET /api/patients/{id}/encounters", Request.get(p + "/encounters"));
        requests.put("GET /api/patients/{id}/encounters/{recordId}", Request.get(p + "/encounters/" + ids.get("encounter")));
        requests.put("GET /api/patients/{id}/observations", Request.get(p + "/observations"));
        requests.put("GET /api/patients/{id}/observations/{recordId}", Request.get(p + "/observations/" + ids.get("observation")));
        requests.put("GET /api/patients/{id}/conditions", Request.get(p + "/conditions"));
        requests.put("GET /api/patients/{id}/conditions/{recordId}", Request.get(p + "/conditions/" + ids.get("condition")));
        requests.put("GET /api/patients/{id}/history", Request.get(p + "/history"));
        requests.put("POST /api/import/fhir", Request.post("/api/import/fhir", """
                {"resourceType": "Bundle", "type": "collection", "entry": []}""", "application/fhir+json"));
        requests.put("PUT /api/policy", Request.put("/api/policy", "{}"));
        // HEAD runs the GET handler and drops the body: it must be gated like the GET
        new TreeMap<>(requests).forEach((route, request) -> {
            if (route.startsWith("GET ")) {
                requests.put("HEAD " + route.substring(4), new Request("HEAD", request.path(), null, null));
            }
        });
        return requests;
    }

    private static Map<String, String> commandBodies() {
        Map<String, String> bodies = new TreeMap<>();
        bodies.put("AmendNote", "{\"noteId\": \"{note}\", \"patientId\": \"{patient}\", \"text\": \"Seen.\", \"reason\": \"typo\"}");
        bodies.put("AmendObservation", "{\"observationId\": \"{observation}\", \"patientId\": \"{patient}\", \"value\": {\"text\": \"x\"}, \"reason\": \"typo\"}");
        bodies.put("AssignToCareTeam", "{\"patientId\": \"{patient}\", \"clinicianUserId\": \"dr-other\"}");
        bodies.put("BreakGlass", "{\"patientId\": \"{patient}\", \"reason\": \"unconscious in the emergency room\"}");
        bodies.put("ChangeConditionClinicalStatus", "{\"conditionId\": \"{condition}\", \"patientId\": \"{patient}\", \"clinicalStatus\": \"resolved\"}");
        bodies.put("ChangeDemographics", Clinic.demographics("Doorway", "Dana", "{patient}"));
        bodies.put("DraftNote", Clinic.noteBody("{patient}", "CLINICAL"));
        bodies.put("EndCareTeamAssignment", "{\"assignmentId\": \"{assignment}\", \"patientId\": \"{patient}\", \"reason\": \"moved\"}");
        bodies.put("EnrollClinician", "{\"userId\": \"dr-new\"}");
        bodies.put("GrantConsent", "{\"patientId\": \"{patient}\", \"purpose\": \"TREAT\"}");
        bodies.put("MarkConditionEnteredInError", "{\"conditionId\": \"{condition}\", \"patientId\": \"{patient}\", \"reason\": \"wrong\"}");
        bodies.put("MarkObservationEnteredInError", "{\"observationId\": \"{observation}\", \"patientId\": \"{patient}\", \"reason\": \"wrong\"}");
        bodies.put("RecordCondition", Clinic.conditionBody("{patient}"));
        bodies.put("RecordDeath", "{\"patientId\": \"{patient}\", \"deceasedAt\": \"2024-01-01\"}");
        bodies.put("RecordEncounter", Clinic.encounterBody("{patient}"));
        bodies.put("RecordObservation", Clinic.observationBody("{patient}", null));
        bodies.put("RegisterLocation", "{\"name\": \"Ward 3\"}");
        bodies.put("RegisterOrganization", "{\"name\": \"Door Clinic\"}");
        bodies.put("RegisterPatient", Clinic.demographics("Newcomer", "Nia", null));
        bodies.put("RegisterPractitioner", "{\"names\": [{\"family\": \"Doe\", \"given\": [\"Jo\"]}]}");
        bodies.put("SignNote", "{\"noteId\": \"{note}\", \"patientId\": \"{patient}\"}");
        bodies.put("WithdrawConsent", "{\"consentId\": \"{consent}\", \"patientId\": \"{patient}\", \"reason\": \"asked\"}");
        return bodies;
    }

    private String fill(String template) {
        String body = template;
        for (var id : ids.entrySet()) {
            body = body.replace("{" + id.getKey() + "}", id.getValue());
        }
        return body;
    }

    /** One sample request. */
    record Request(String method, String path, String body, String contentType) {

        static Request get(String path) {
            return new Request("GET", path, null, null);
        }

        static Request post(String path, String body, String contentType) {
            return new Request("POST", path, body, contentType);
        }

        static Request put(String path, String body) {
            return new Request("PUT", path, body, "application/json");
        }

        Api.Response send(Api api, String token, String requestId) {
            Map<String, String> headers = new TreeMap<>(Clinic.requestId(requestId));
            return switch (method) {
                case "GET" -> api.get(path, token, headers);
                case "POST" -> {
                    headers.put("Content-Type", contentType);
                    yield api.post(path, token, body, headers);
                }
                case "PUT" -> api.put(path, token, body, headers);
                case "HEAD" -> api.request("HEAD", path, token, null, headers);
                default -> fail("no such method " + method);
            };
        }
    }
}
