package dev.bonfire.app.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.app.support.ServerTest;
import dev.bonfire.fhir.importer.FhirBundleImporter;
import dev.bonfire.fhir.importer.ImportReport;
import dev.bonfire.fhir.importer.ProgressListener;
import dev.bonfire.fhir.importer.RecordIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Synthea bundle of the shared test data goes in through the importer (and so through the gate
 * and the command bus); afterwards the read models hold exactly what the bundles hold for the modelled
 * types, counts and sampled values field by field, and the report names every resource type it skipped.
 * Needs {@code ../shared/data/fhir/synthea}: skipped, not failed, when it is absent.
 */
@MicronautTest
class SyntheaImportTest extends ServerTest {

    private static final String TENANT = "synthea-tenant";
    private static final Set<String> MODELLED = Set.of("Patient", "Encounter", "Observation", "Condition", "DocumentReference",
            "Practitioner", "Organization", "Location");
    private static final Map<String, String> VIEWS = Map.of(
            "Patient", "patient_view", "Encounter", "encounter_view", "Observation", "observation_view", "Condition", "condition_view");

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final List<Bundle> bundles = new ArrayList<>();
    private final Map<String, ImportReport.TypeCounts> totals = new HashMap<>();
    private final Map<String, Integer> inBundles = new HashMap<>();
    /** The entries as written (HAPI replaces a resource's id by its fullUrl when it parses a bundle). */
    private final List<JsonNode> rawIds = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    void importEverySyntheaBundle() throws Exception {
        Path synthea = sharedDir().resolve("data/fhir/synthea");
        Assumptions.assumeTrue(Files.isDirectory(synthea), "needs ../shared/data/fhir/synthea (the shared test data)");
        List<Path> files;
        try (Stream<Path> list = Files.list(synthea)) {
            // the hospital and practitioner bundles first: the HIV bundles refer to them by identifier
            files = list.filter(p -> p.toString().endsWith(".json"))
                    .sorted((a, b) -> Boolean.compare(!isDirectory(a), !isDirectory(b)) != 0
                            ? Boolean.compare(!isDirectory(a), !isDirectory(b)) : a.compareTo(b))
                    .toList();
        }
        FhirBundleImporter importer = applicationContext.getBean(FhirBundleImporter.class);
        for (Path file : files) {
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = importer.importBundle(TENANT, "synthea-loader", in, ProgressListener.NONE);
            }
            assertThat(report.status()).as(file.getFileName() + ": " + report.message()).isEqualTo(ImportReport.Status.IMPORTED);
            report.byType().forEach((type, counts) -> totals.merge(type, counts, SyntheaImportTest::add));
            String json = Files.readString(file);
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
            bundles.add(bundle);
            rawIds.add(JSON.readTree(json).path("entry"));
            bundle.getEntry().forEach(e -> inBundles.merge(e.getResource().fhirType(), 1, Integer::sum));
        }
        long expectedObservations = totals.get("Observation").imported();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rows("observation_view") == expectedObservations && rows("condition_view") == totals.get("Condition").imported());
    }

    @Test
    void everyResource_isImported_skippedWithAReason_orSkippedAsNotModelled_neverDropped() {
        inBundles.forEach((type, count) -> {
            ImportReport.TypeCounts counts = totals.get(type);
            assertThat(counts).as(type + " is in the report").isNotNull();
            int skippedWithReason = counts.skipped().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(counts.imported() + counts.alreadyPresent() + counts.skippedNotModelled() + skippedWithReason)
                    .as(type).isEqualTo(count);
            if (!MODELLED.contains(type)) {
                assertThat(counts.skippedNotModelled()).as(type + " is named as not modelled").isEqualTo(count);
            }
        });
        assertThat(inBundles.keySet()).contains("Claim", "ExplanationOfBenefit");
    }

    @Test
    void theReadModels_holdExactlyTheImportedPatientsEncountersObservationsAndConditions() {
        VIEWS.forEach((type, view) -> {
            ImportReport.TypeCounts counts = totals.get(type);
            assertThat(rows(view)).as(view).isEqualTo(counts.imported() + counts.alreadyPresent());
            assertThat(counts.imported()).as(type + " imported").isPositive();
        });
    }

    @Test
    void sampledValues_matchTheBundles_fieldByField_decimalsAndDatesAsWritten() throws Exception {
        int quantities = 0;
        for (int b = 0; b < bundles.size(); b++) {
            List<Bundle.BundleEntryComponent> entries = bundles.get(b).getEntry();
            for (int e = 0; e < entries.size(); e++) {
                Resource resource = entries.get(e).getResource();
                String id = recordId(rawIds.get(b).get(e));
                if (resource instanceof Patient patient) {
                    Map<String, String> row = row("select family, birth_date, gender from patient_view where id = ?", id);
                    assertThat(row.get("family")).isEqualTo(patient.getNameFirstRep().getFamily());
                    assertThat(row.get("birth_date")).isEqualTo(patient.getBirthDateElement().getValueAsString());
                    assertThat(row.get("gender")).isEqualTo(patient.getGender().toCode());
                } else if (resource instanceof Encounter encounter && encounter.getPeriod().hasStart()) {
                    Map<String, String> row = row("select period_start, status from encounter_view where id = ?", id);
                    assertThat(row.get("period_start")).isEqualTo(encounter.getPeriod().getStartElement().getValueAsString());
                    assertThat(row.get("status")).isEqualTo(encounter.getStatus().toCode());
                } else if (resource instanceof Condition condition && condition.hasOnsetDateTimeType()) {
                    Map<String, String> row = row("select onset, code from condition_view where id = ?", id);
                    assertThat(row.get("onset")).isEqualTo(condition.getOnsetDateTimeType().getValueAsString());
                    assertThat(row.get("code")).isEqualTo(condition.getCode().getCodingFirstRep().getCode());
                } else if (resource instanceof Observation observation && observation.hasValueQuantity()
                        && observation.hasEffectiveDateTimeType() && quantities++ < 400) {
                    Map<String, String> row = row("select value_quantity::text as value, value_unit, effective, code from observation_view where id = ?", id);
                    assertThat(row.get("value")).as("decimal of " + id).isEqualTo(observation.getValueQuantity().getValueElement().getValueAsString());
                    assertThat(row.get("value_unit")).isEqualTo(observation.getValueQuantity().getUnit());
                    assertThat(row.get("effective")).isEqualTo(observation.getEffectiveDateTimeType().getValueAsString());
                    assertThat(row.get("code")).isEqualTo(observation.getCode().getCodingFirstRep().getCode());
                }
            }
        }
        assertThat(quantities).as("observations with a quantity compared").isGreaterThan(100);
    }

    /** The importer's rule: the resource id if it has one, else its urn:uuid fullUrl. */
    private static String recordId(JsonNode entry) {
        String type = entry.path("resource").path("resourceType").asText();
        String id = entry.path("resource").path("id").asText(null);
        return id != null
                ? RecordIds.of(TENANT, type, type + "/" + id)
                : RecordIds.of(TENANT, type, entry.path("fullUrl").asText());
    }

    private static boolean isDirectory(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("hospitalInformation") || name.startsWith("practitionerInformation");
    }

    private static Path sharedDir() {
        return Path.of(System.getProperty("bonfire.shared.dir", "../../shared"));
    }

    private static ImportReport.TypeCounts add(ImportReport.TypeCounts a, ImportReport.TypeCounts b) {
        Map<String, Integer> skipped = new HashMap<>(a.skipped());
        b.skipped().forEach((reason, n) -> skipped.merge(reason, n, Integer::sum));
        return new ImportReport.TypeCounts(a.imported() + b.imported(), a.alreadyPresent() + b.alreadyPresent(),
                a.skippedNotModelled() + b.skippedNotModelled(), skipped, a.rejected() + b.rejected(),
                a.ignoredValidationErrors() + b.ignoredValidationErrors(), Map.of());
    }

    private long rows(String view) {
        try (Connection connection = database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            bindTenant(connection);
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from " + view);
                 ResultSet result = statement.executeQuery()) {
                result.next();
                long count = result.getLong(1);
                connection.commit();
                return count;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> row(String sql, String id) throws Exception {
        try (Connection connection = database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            bindTenant(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, id);
                try (ResultSet result = statement.executeQuery()) {
                    assertThat(result.next()).as("a read-model row for " + id).isTrue();
                    Map<String, String> row = new HashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getString(i));
                    }
                    connection.commit();
                    return row;
                }
            }
        }
    }

    private static void bindTenant(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('bonfire.tenant', ?, true)")) {
            statement.setString(1, TENANT);
            statement.execute();
        }
    }
}
