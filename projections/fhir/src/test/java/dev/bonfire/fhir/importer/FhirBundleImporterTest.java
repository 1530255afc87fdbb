package dev.bonfire.fhir.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bonfire.domain.consent.GrantConsent;
import dev.bonfire.domain.consent.WithdrawConsent;
import dev.bonfire.domain.observation.RecordObservation;
import dev.bonfire.fhir.importer.ImportReport.Status;
import dev.bonfire.fhir.importer.ImportReport.TypeCounts;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.RolePolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The importer against the real PostgreSQL, event store, aggregates and gate (see {@link ImportRig}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirBundleImporterTest {

    private static final String ACTOR = "importing-user";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private ImportRig rig;

    @BeforeAll
    void start() {
        SharedData.fhir();
        rig = ImportRig.start();
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void importBundle_storesEveryModelledResource_andNamesTheSkippedTypes() throws Exception {
        String tenant = tenant();
        Path file = SharedData.file("synthea/Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json");
        long eventsBefore = rig.events();
        List<String> progress = new ArrayList<>();

        ImportReport report = importFile(tenant, file, new ProgressListener() {
            @Override
            public void progress(int done, int total) {
                progress.add(done + "/" + total);
            }

            @Override
            public void phase(String phase) {
                progress.add(phase);
            }
        });

        assertThat(report.status()).as(report.message()).isEqualTo(Status.IMPORTED);
        Map<String, Integer> resources = resourceCounts(file);
        resources.forEach((type, count) -> {
            TypeCounts counts = report.byType().get(type);
            if (FhirMapper.MODELLED_TYPES.contains(type)) {
                assertThat(counts.imported()).as(type).isEqualTo(count);
            } else {
                assertThat(counts.skippedNotModelled()).as(type).isEqualTo(count);
            }
        });
        assertThat(report.byType().keySet()).contains("Claim", "ExplanationOfBenefit", "Immunization", "DiagnosticReport", "Procedure");
        int modelled = resources.entrySet().stream().filter(e -> FhirMapper.MODELLED_TYPES.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        assertThat(rig.rows(tenant, "policy_record")).isEqualTo(modelled);
        assertThat(rig.events() - eventsBefore).isEqualTo(modelled); // one creating event per resource; this patient is alive
        assertThat(rig.rows(tenant, "fhir_import_bundle")).isEqualTo(1);
        assertThat(progress).startsWith("reading", "mapping", "storing").endsWith(modelled + "/" + modelled);
        assertThat(rig.accessRecordsOfDoor(FhirBundleImporter.DOOR)).as("every write is audited at the import door").isGreaterThanOrEqualTo(modelled);
        assertThat(report.totalImported()).isEqualTo(modelled);
    }

    @Test
    void importBundle_changesNothingAndSaysSo_whenTheSameBytesAreImportedAgain() throws Exception {
        String tenant = tenant();
        Path file = SharedData.file("synthea/Gustavo_Mejia_59a8543c-e24f-4a01-b28b-47ccde6bc11d.json");
        ImportReport first = importFile(tenant, file, null);
        long events = rig.events();

        ImportReport again = importFile(tenant, file, null);

        assertThat(first.status()).isEqualTo(Status.IMPORTED);
        assertThat(again.status()).isEqualTo(Status.ALREADY_IMPORTED);
        assertThat(again.message()).startsWith("already imported on ").endsWith("nothing changed");
        assertThat(again.previouslyImportedAt()).isNotNull();
        assertThat(again.bundleSha256()).isEqualTo(first.bundleSha256());
        assertThat(rig.events()).isEqualTo(events);
    }

    @Test
    void importBundle_countsRecordsAsAlreadyPresent_whenOtherBytesCarryTheSameResources() throws Exception {
        String tenant = tenant();
        Path file = SharedData.file("synthea/Enda_Schaefer_dd760206-6c4e-4e25-a799-f5c563e489a1.json");
        importFile(tenant, file, null);
        long events = rig.events();
        byte[] reformatted = (new String(SharedData.bytes(file), StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8);

        ImportReport again = rig.importer.importBundle(tenant, ACTOR, new ByteArrayInputStream(reformatted), null);

        assertThat(again.status()).isEqualTo(Status.IMPORTED);
        assertThat(again.totalImported()).isZero();
        assertThat(again.byType().get("Observation").alreadyPresent()).isEqualTo(resourceCounts(file).get("Observation"));
        assertThat(rig.events()).isEqualTo(events);
    }

    @Test
    void importBundle_resolvesConditionalReferences_againstTheDirectoryImportedBefore() throws Exception {
        String tenant = tenant();
        ImportReport hospitals = importFile(tenant, SharedData.file("synthea/hospitalInformation1631542788493.json"), null);
        ImportReport practitioners = importFile(tenant, SharedData.file("synthea/practitionerInformation1631542788493.json"), null);

        ImportReport patient = importFile(tenant, SharedData.file("synthea/Cornell131_Frami345_67f75bc6-55d9-42fe-e85c-d1241bb212c4.json"), null);

        assertThat(hospitals.status()).isEqualTo(Status.IMPORTED);
        assertThat(hospitals.byType().get("Organization").imported()).isEqualTo(142);
        assertThat(hospitals.byType().get("Location").imported()).isEqualTo(142);
        assertThat(hospitals.unresolvedReferences()).isEmpty(); // Location.managingOrganization by identifier, in the same bundle
        assertThat(practitioners.byType().get("Practitioner").imported()).isEqualTo(142);
        assertThat(practitioners.byType().get("PractitionerRole").skippedNotModelled()).isEqualTo(142);
        assertThat(patient.status()).as(patient.message()).isEqualTo(Status.IMPORTED);
        assertThat(patient.unresolvedReferences()).isEmpty();
        assertThat(patient.byType().get("DocumentReference").imported()).isEqualTo(35);
        assertThat(patient.byType().get("Provenance").skippedNotModelled()).isEqualTo(1);
        assertThat(rig.recordsOfKind(tenant, "CLINICAL_NOTE")).isEqualTo(35);
    }

    @Test
    void importBundle_keepsUnresolvableConditionalReferences_withTheirIdentifier_andCountsThem() throws Exception {
        String tenant = tenant();

        ImportReport report = importFile(tenant, SharedData.file("synthea/Dino214_Parisian75_40d82b80-b682-cd8b-da6d-396809878641.json"), null);

        assertThat(report.status()).isEqualTo(Status.IMPORTED);
        assertThat(report.unresolvedReferences()).isNotEmpty()
                .allSatisfy(u -> assertThat(u.outcome()).isEqualTo("kept unresolved with its identifier"));
        assertThat(report.unresolvedReferences().stream().mapToInt(ImportReport.UnresolvedReference::count).sum()).isEqualTo(32);
        assertThat(report.unresolvedReferences()).extracting(ImportReport.UnresolvedReference::element)
                .containsOnly("Encounter.serviceProvider", "Encounter.participant.individual");
    }

    @Test
    void importBundle_rejectsTheWholeBundleAndStoresNothing_whenALateCommandFails() throws Exception {
        String tenant = tenant();
        long events = rig.events();
        long accessRecords = rig.accessRecords();
        rig.failOn(command -> command instanceof RecordObservation o && o.status().equals("final"));
        try {
            ImportReport report = importFile(tenant, SharedData.file("synthea/Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json"), null);

            assertThat(report.status()).isEqualTo(Status.REJECTED);
            assertThat(report.message()).startsWith("rejected, nothing was stored: entry ").contains("(Observation urn:uuid:")
                    .contains("RecordObservation failed: IllegalStateException");
            assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.resourceType()).isEqualTo("Observation"));
            assertThat(report.byType().get("Observation").rejected()).isEqualTo(1);
            assertThat(report.totalImported()).isZero();
        } finally {
            rig.failOn(command -> false);
        }
        assertThat(rig.events()).isEqualTo(events);
        assertThat(rig.accessRecords()).as("permitted writes that rolled back leave no access record").isEqualTo(accessRecords);
        assertThat(rig.rows(tenant, "policy_record")).isZero();
        assertThat(rig.rows(tenant, "fhir_import_bundle")).isZero();
        assertThat(rig.rows(tenant, "fhir_import_identifier")).isZero();

        ImportReport retried = importFile(tenant, SharedData.file("synthea/Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json"), null);
        assertThat(retried.status()).isEqualTo(Status.IMPORTED);
    }

    @Test
    void importBundle_isRejectedByTheGate_whenThePatientWithdrewConsentForOperations() throws Exception {
        String tenant = tenant();
        String patientId = RecordIds.of(tenant, "Patient", "Patient/canary-1");
        importJson(tenant, """
                {"resourceType":"Patient","id":"canary-1","name":[{"family":"Zebedee-Canary"}],"birthDate":"1961-02-03"}""");
        Caller frontDesk = new Caller(tenant, "desk-user", RolePolicy.FRONT_DESK, "TREAT", "test");
        rig.send(frontDesk, new GrantConsent("consent-1", patientId, FhirBundleImporter.PURPOSE, null, null));
        rig.send(frontDesk, new WithdrawConsent("consent-1", patientId, "patient request", null));
        long events = rig.events();
        long accessRecords = rig.accessRecords();

        ImportReport report = importJson(tenant, """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:9a1c1f0e-8f55-4b7c-9a0d-1f2e3d4c5b60","resource":{"resourceType":"Organization","id":"org-x","name":"Clinic X"},
                  "request":{"method":"POST","url":"Organization"}},
                 {"fullUrl":"urn:uuid:9a1c1f0e-8f55-4b7c-9a0d-1f2e3d4c5b61","resource":{"resourceType":"Observation","id":"obs-x","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"8302-2"}]},"subject":{"reference":"Patient/canary-1"},
                   "effectiveDateTime":"2020-01-01","valueQuantity":{"value":180.5,"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"}},
                  "request":{"method":"POST","url":"Observation"}}]}""");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.message()).contains("entry 1 (Observation").contains("refused by the access gate (consent)");
        assertThat(rig.events()).isEqualTo(events);
        assertThat(rig.accessRecords()).as("the refusal is audited; the rolled-back write is not").isEqualTo(accessRecords + 1);
        assertThat(rig.recordsOfKind(tenant, "DIRECTORY")).as("the organization sent first was rolled back").isZero();
        assertThat(JSON.writeValueAsString(report)).doesNotContain("Zebedee", "1961", "180.5");
    }

    @Test
    void importBundle_rejectsAnInvalidBundle_withItsReasons_andWithoutItsValues() throws Exception {
        String tenant = tenant();

        ImportReport report = importJson(tenant, """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e50","resource":{"resourceType":"Patient","name":[{"family":"Zebedee-Canary"}],
                   "birthDate":"1961-02-30"}}]}""");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.problems()).isNotEmpty();
        assertThat(report.message()).contains("entry 0 (Patient urn:uuid:7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e50)");
        assertThat(JSON.writeValueAsString(report)).doesNotContain("Zebedee", "1961-02-30");
        assertThat(rig.rows(tenant, "policy_record")).isZero();
    }

    @Test
    void importBundle_keepsTenantsApart_whenTwoTenantsImportTheSameBundle() throws Exception {
        String a = tenant();
        String b = tenant();
        Path file = SharedData.file("synthea/Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json");

        ImportReport first = importFile(a, file, null);
        ImportReport second = importFile(b, file, null);

        assertThat(first.status()).isEqualTo(Status.IMPORTED);
        assertThat(second.status()).isEqualTo(Status.IMPORTED);
        assertThat(second.totalImported()).isEqualTo(first.totalImported());
        assertThat(rig.rows(a, "policy_record")).isEqualTo(rig.rows(b, "policy_record"));
    }

    @Test
    void importBundle_importsEverySyntheaBundle_directoryFirst_withoutRefusal() throws Exception {
        String tenant = tenant();
        AtomicInteger deaths = new AtomicInteger();
        for (Path file : SharedData.syntheaInImportOrder()) {
            long start = System.nanoTime();
            ImportReport report = importFile(tenant, file, null);
            System.out.printf("%-72s %-8s %4d imported %4d present %4d skipped %3d unresolved %6d ms%n", file.getFileName(), report.status(),
                    report.totalImported(), report.byType().values().stream().mapToInt(TypeCounts::alreadyPresent).sum(),
                    report.totalSkipped(), report.unresolvedReferences().stream().mapToInt(ImportReport.UnresolvedReference::count).sum(),
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(report.status()).as(file.getFileName() + ": " + report.message()).isEqualTo(Status.IMPORTED);
            Map<String, Integer> resources = resourceCounts(file);
            resources.forEach((type, count) -> {
                TypeCounts counts = report.byType().get(type);
                if (FhirMapper.MODELLED_TYPES.contains(type)) {
                    assertThat(counts.imported() + counts.alreadyPresent()).as(file.getFileName() + " " + type).isEqualTo(count);
                } else {
                    assertThat(counts.skippedNotModelled()).as(file.getFileName() + " " + type).isEqualTo(count);
                }
            });
            if (SharedData.isDirectoryBatch(file) || file.getFileName().toString().startsWith("Cornell")) {
                assertThat(report.unresolvedReferences()).isEmpty();
            }
            deaths.addAndGet((int) tree(file).findValues("deceasedDateTime").size());
        }
        assertThat(rig.events("dev.bonfire.domain.patient.DeathRecorded")).isGreaterThanOrEqualTo(deaths.get());
    }

    // ---------------------------------------------------------------- helpers

    private ImportReport importFile(String tenant, Path file, ProgressListener progress) {
        return rig.importer.importBundle(tenant, ACTOR, new ByteArrayInputStream(SharedData.bytes(file)), progress);
    }

    private ImportReport importJson(String tenant, String json) {
        return rig.importer.importBundle(tenant, ACTOR, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Integer> resourceCounts(Path file) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        tree(file).path("entry").forEach(e -> counts.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum));
        return counts;
    }

    private static JsonNode tree(Path file) throws Exception {
        return JSON.readTree(SharedData.bytes(file));
    }
}
