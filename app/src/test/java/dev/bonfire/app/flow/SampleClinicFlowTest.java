package dev.bonfire.app.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.app.sample.SampleClinic;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.ServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop over real HTTP: the sample clinic is imported through the import endpoint, projected
 * into the read models, and read back by a clinician on the patient's care team, exactly as written.
 */
@MicronautTest
class SampleClinicFlowTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "flow-clinic";

    private final String importer = token("loader", TENANT, "importer");
    private final String admin = token("admin-1", TENANT, "admin");
    private final String frontDesk = token("desk-1", TENANT, "front-desk");
    private final String clinician = token("dr-flow", TENANT, "clinician");

    private List<String> bundles;
    private String assignedPatient;
    private String otherPatient;

    @BeforeAll
    void importTheSampleClinic() throws Exception {
        bundles = new SampleClinic(7, FhirContext.forR4Cached()).bundles(3);
        for (String bundle : bundles) {
            Api.Response response = api().post("/api/import/fhir", importer, bundle, Map.of("Content-Type", "application/fhir+json"));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("IMPORTED");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> patientsSeenBy(frontDesk).get("total").asLong() == 3);
        JsonNode patients = patientsSeenBy(frontDesk).get("items");
        assignedPatient = patients.get(0).get("id").asText();
        otherPatient = patients.get(1).get("id").asText();
        assertThat(api().post("/api/commands/EnrollClinician", admin,
                "{\"userId\": \"dr-flow\", \"names\": [{\"family\": \"Flow\", \"given\": [\"Dana\"]}]}").status()).isEqualTo(201);
        Api.Response assignment = api().post("/api/commands/AssignToCareTeam", frontDesk,
                "{\"patientId\": \"" + assignedPatient + "\", \"clinicianUserId\": \"dr-flow\"}");
        assertThat(assignment.status()).as(assignment.body()).isEqualTo(201);
    }

    @Test
    void importingTheSameBundleAgain_changesNothing_andSaysSo() throws Exception {
        long before = eventCount();

        Api.Response again = api().post("/api/import/fhir", importer, bundles.get(1), Map.of("Content-Type", "application/fhir+json"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("status").asText()).isEqualTo("ALREADY_IMPORTED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void clinician_seesOnlyTheirCareTeamsPatients_inListsAndTotals() throws Exception {
        JsonNode page = patientsSeenBy(clinician);

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(assignedPatient);
    }

    @Test
    void clinician_readsObservationsOfTheirPatient_withDecimalsAndOffsetsAsWritten() throws Exception {
        Api.Response response = api().get("/api/patients/" + assignedPatient + "/observations?code=http://loinc.org%7C8310-5", clinician);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode temperatures = JSON.readTree(response.body()).get("items");
        assertThat(temperatures).isNotEmpty();
        String body = response.body();
        assertThat(body).contains("36.60");
        assertThat(temperatures.get(0).toString()).containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
    }

    @Test
    void anEmptyList_isWrittenAsAnEmptyArray() throws Exception {
        Api.Response response = api().get("/api/patients?name=nobody-is-called-this", clinician);

        assertThat(response.status()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("items").isArray()).isTrue();
        assertThat(JSON.readTree(response.body()).get("items")).isEmpty();
    }

    @Test
    void clinician_isRefused_aPatientOutsideTheirCareTeam() throws Exception {
        Api.Response response = api().get("/api/patients/" + otherPatient + "/observations", clinician);

        assertThat(response.status()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("rule").asText()).isEqualTo("patient-scope");
    }

    private JsonNode patientsSeenBy(String token) throws Exception {
        Api.Response response = api().get("/api/patients", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
