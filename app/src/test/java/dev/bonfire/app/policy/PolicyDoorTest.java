package dev.bonfire.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.ServerTest;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.event.TenantPolicyChanged;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The policy door over real HTTP: any caller reads its tenant's policy, an admin replaces it with an
 * event, and the very next request of another door decides with it, without a restart.
 */
@MicronautTest
class PolicyDoorTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PATIENT = """
            {"demographics": {"names": [{"use": "official", "family": "Osei", "given": ["Ama"]}],
             "gender": "female", "birthDate": "1980-07"}}""";

    private final String tenant = "tenant-" + UUID.randomUUID();
    private final String admin = token("admin-1", tenant, "admin");
    private final String frontDesk = token("desk-1", tenant, "front-desk");
    private final String clinician = token("dr-1", tenant, "clinician");

    @Test
    void anyCallerOfTheTenant_readsItsPolicy_theDefaultsUntilChanged() throws Exception {
        Api.Response response = api().get("/api/policy", clinician);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(TenantPolicyDocuments.write(TenantPolicy.defaults())));
    }

    @Test
    void anAdminsChange_isOneEvent_andTheNextRequestOfAnotherDoor_decidesWithIt() throws Exception {
        String patientId = registerPatient();
        long before = policyChanges();

        Api.Response optIn = put(admin, document(TenantPolicy.ConsentModel.OPT_IN));
        Api.Response change = changeDemographics(patientId, 0, "Boateng");

        assertThat(optIn.status()).as(optIn.body()).isEqualTo(200);
        assertThat(optIn.contentType()).startsWith("application/json");
        assertThat(JSON.readTree(optIn.body()).at("/consent/model").asText()).isEqualTo("opt-in");
        assertThat(policyChanges()).isEqualTo(before + 1);
        assertThat(JSON.readTree(api().get("/api/policy", frontDesk).body()).at("/consent/model").asText()).isEqualTo("opt-in");
        assertThat(change.status()).as(change.body()).isEqualTo(403);
        assertThat(JSON.readTree(change.body()).get("rule").asText()).isEqualTo("consent");

        JsonNode metaData = JSON.readTree(lastPolicyChangeMetaData());
        assertThat(metaData.get("tenant").asText()).isEqualTo(tenant);
        assertThat(metaData.get("actorId").asText()).isEqualTo("admin-1");
        assertThat(metaData.get("actorRole").asText()).isEqualTo("admin");

        assertThat(put(admin, document(TenantPolicy.ConsentModel.OPT_OUT)).status()).isEqualTo(200);
        assertThat(changeDemographics(patientId, 0, "Boateng").status()).isEqualTo(200);
    }

    @Test
    void anotherRole_cannotChangeThePolicy_andNothingIsAppended() throws Exception {
        long before = eventCount();

        Api.Response response = put(clinician, document(TenantPolicy.ConsentModel.OPT_IN));

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("policy-admin");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBadDocument_isAProblem_andChangesNothing() throws Exception {
        long before = eventCount();
        String valid = document(TenantPolicy.ConsentModel.OPT_IN);

        for (String bad : new String[] {"", "{", "{}", valid.replace("\"opt-in\"", "\"opt-maybe\""),
                valid.replace("\"minutes\" : 60", "\"minutes\" : 0"), valid.replace("\"DEMOGRAPHICS\"", "\"APPOINTMENT\""),
                valid.replaceFirst("\\{", "{\"tenant\": \"tenant-b\", ")}) {
            Api.Response response = put(admin, bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(JSON.readTree(api().get("/api/policy", admin).body()).at("/consent/model").asText()).isEqualTo("opt-out");
    }

    @Test
    void anAdminChanges_onlyTheirOwnTenant() throws Exception {
        String otherAdmin = token("admin-2", "tenant-" + UUID.randomUUID(), "admin");

        assertThat(put(otherAdmin, document(TenantPolicy.ConsentModel.OPT_IN)).status()).isEqualTo(200);

        assertThat(JSON.readTree(api().get("/api/policy", admin).body()).at("/consent/model").asText()).isEqualTo("opt-out");
    }

    @Test
    void withoutAToken_theDoorIsClosed() {
        assertThat(api().get("/api/policy", null).status()).isEqualTo(401);
        assertThat(put(null, document(TenantPolicy.ConsentModel.OPT_IN)).status()).isEqualTo(401);
    }

    private static String document(TenantPolicy.ConsentModel model) {
        TenantPolicy defaults = TenantPolicy.defaults();
        return TenantPolicyDocuments.write(new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(),
                defaults.breakGlassRoles(), defaults.breakGlassWindow(), model));
    }

    private String registerPatient() throws Exception {
        Api.Response response = api().post("/api/commands/RegisterPatient", frontDesk, PATIENT);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("recordId").asText();
    }

    private Api.Response changeDemographics(String patientId, long expectedVersion, String family) {
        return api().post("/api/commands/ChangeDemographics", frontDesk, """
                {"patientId": "%s", "expectedVersion": %d,
                 "demographics": {"names": [{"use": "official", "family": "%s", "given": ["Ama"]}], "gender": "female", "birthDate": "1980-07"}}
                """.formatted(patientId, expectedVersion, family));
    }

    /** PUT, which the shared {@link Api} does not offer. */
    private Api.Response put(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/policy"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long policyChanges() {
        return count("select count(*) from domain_event_entry where payload_type = ?", TenantPolicyChanged.class.getName());
    }

    private String lastPolicyChangeMetaData() throws Exception {
        try (Connection connection = database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select convert_from(meta_data, 'UTF8') from domain_event_entry where payload_type = ? order by global_index desc limit 1")) {
            statement.setString(1, TenantPolicyChanged.class.getName());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
