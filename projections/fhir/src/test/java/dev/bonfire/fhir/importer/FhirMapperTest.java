package dev.bonfire.fhir.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.condition.RecordCondition;
import dev.bonfire.domain.directory.RegisterLocation;
import dev.bonfire.domain.directory.RegisterOrganization;
import dev.bonfire.domain.directory.RegisterPractitioner;
import dev.bonfire.domain.encounter.RecordEncounter;
import dev.bonfire.domain.note.DraftNote;
import dev.bonfire.domain.note.SignNote;
import dev.bonfire.domain.observation.RecordObservation;
import dev.bonfire.domain.patient.RecordDeath;
import dev.bonfire.domain.patient.RegisterPatient;
import dev.bonfire.fhir.importer.MappedBundle.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FhirMapperTest {

    private static final String TENANT = "tenant-a";
    /** Reference JSON reader: keeps decimals exactly as written (1.50 stays 1.50). */
    private static final ObjectMapper EXACT = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static FhirBundleReader reader;

    @BeforeAll
    static void reader() {
        reader = FhirBundleReader.shared();
    }

    static Stream<Path> syntheaBundles() {
        return SharedData.files("synthea").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntheaBundles")
    void map_makesOneRecordPerModelledResource_andCountsTheRest_forEverySyntheaBundle(Path file) {
        byte[] bytes = SharedData.bytes(file);
        JsonNode raw = tree(bytes);
        Map<String, Integer> resourcesByType = new TreeMap<>();
        raw.path("entry").forEach(e -> resourcesByType.merge(e.path("resource").path("resourceType").asText(), 1, Integer::sum));

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        assertThat(mapped.entries()).filteredOn(e -> e.outcome() == Outcome.REFUSED).as("refusals").isEmpty();
        Map<String, Integer> mappedByType = new TreeMap<>();
        Map<String, Integer> notModelledByType = new TreeMap<>();
        for (MappedBundle.Entry e : mapped.entries()) {
            (e.outcome() == Outcome.MAPPED ? mappedByType : notModelledByType).merge(e.resourceType(), 1, Integer::sum);
        }
        resourcesByType.forEach((type, count) -> {
            if (FhirMapper.MODELLED_TYPES.contains(type)) {
                assertThat(mappedByType.get(type)).as(type + " mapped").isEqualTo(count);
            } else {
                assertThat(notModelledByType.get(type)).as(type + " counted as not modelled").isEqualTo(count);
            }
        });
        Map<Class<?>, Integer> commands = commandCounts(mapped);
        assertThat(commands.getOrDefault(RegisterPatient.class, 0)).isEqualTo(resourcesByType.getOrDefault("Patient", 0));
        assertThat(commands.getOrDefault(RecordEncounter.class, 0)).isEqualTo(resourcesByType.getOrDefault("Encounter", 0));
        assertThat(commands.getOrDefault(RecordObservation.class, 0)).isEqualTo(resourcesByType.getOrDefault("Observation", 0));
        assertThat(commands.getOrDefault(RecordCondition.class, 0)).isEqualTo(resourcesByType.getOrDefault("Condition", 0));
        assertThat(commands.getOrDefault(DraftNote.class, 0)).isEqualTo(resourcesByType.getOrDefault("DocumentReference", 0));
        assertThat(commands.getOrDefault(SignNote.class, 0)).isEqualTo(resourcesByType.getOrDefault("DocumentReference", 0));
        assertThat(commands.getOrDefault(RegisterOrganization.class, 0)).isEqualTo(resourcesByType.getOrDefault("Organization", 0));
        assertThat(commands.getOrDefault(RegisterPractitioner.class, 0)).isEqualTo(resourcesByType.getOrDefault("Practitioner", 0));
        assertThat(commands.getOrDefault(RegisterLocation.class, 0)).isEqualTo(resourcesByType.getOrDefault("Location", 0));
        long deceased = stream(raw).filter(r -> r.path("resourceType").asText().equals("Patient"))
                .filter(r -> r.has("deceasedDateTime") || r.path("deceasedBoolean").asBoolean(false)).count();
        assertThat(commands.getOrDefault(RecordDeath.class, 0)).isEqualTo((int) deceased);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntheaBundles")
    void map_keepsEveryObservationsValuesExactly_decimalsAndDatesAsWritten(Path file) {
        byte[] bytes = SharedData.bytes(file);
        JsonNode raw = tree(bytes);
        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        int compared = 0;
        for (MappedBundle.Entry e : mapped.entries()) {
            if (!"Observation".equals(e.resourceType())) {
                continue;
            }
            JsonNode source = raw.path("entry").get(e.index()).path("resource");
            RecordObservation command = (RecordObservation) e.commands().get(0);
            assertThat(command.observationId()).isEqualTo(RecordIds.of(TENANT, "Observation", "Observation/" + source.path("id").asText()));
            assertThat(command.status()).isEqualTo(source.path("status").asText());
            assertThat(command.effective().value()).isEqualTo(source.path("effectiveDateTime").asText());
            assertThat(command.issued().value()).isEqualTo(source.path("issued").asText());
            assertThat(command.code().codings().get(0).code()).isEqualTo(source.path("code").path("coding").get(0).path("code").asText());
            if (source.has("valueQuantity")) {
                assertQuantity(command.value().quantity(), source.path("valueQuantity"));
            } else if (source.has("valueCodeableConcept")) {
                assertThat(command.value().concept().codings().get(0).code())
                        .isEqualTo(source.path("valueCodeableConcept").path("coding").get(0).path("code").asText());
            } else {
                assertThat(command.value()).isNull();
            }
            JsonNode components = source.path("component");
            assertThat(command.components()).hasSize(components.size());
            for (int i = 0; i < components.size(); i++) {
                JsonNode c = components.get(i);
                if (c.has("valueQuantity")) {
                    assertQuantity(command.components().get(i).value().quantity(), c.path("valueQuantity"));
                } else if (c.has("valueString")) {
                    assertThat(command.components().get(i).value().text()).isEqualTo(c.path("valueString").asText());
                }
            }
            compared++;
        }
        assertThat(compared).isEqualTo((int) stream(raw).filter(r -> r.path("resourceType").asText().equals("Observation")).count());
    }

    @Test
    void map_keepsTheSampleBodyHeightExactly_asWrittenInTheBundle() {
        byte[] bytes = SharedData.bytes(SharedData.file("synthea/Clemente_Kreiger_1484a42d-0eaf-4654-9cbf-6b050a5cd73b.json"));

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        RecordObservation height = (RecordObservation) mapped.entries().get(4).commands().get(0);
        assertThat(height.code().codings().get(0).code()).isEqualTo("8302-2");
        assertThat(height.value().quantity().value()).isEqualTo(new BigDecimal("168.80253764416227"));
        assertThat(height.value().quantity().value().toPlainString()).isEqualTo("168.80253764416227");
        assertThat(height.value().quantity().unit()).isEqualTo("cm");
        assertThat(height.value().quantity().system()).isEqualTo("http://unitsofmeasure.org");
        assertThat(height.effective().value()).isEqualTo("2012-09-10T15:29:24+00:00");
        assertThat(height.issued().value()).isEqualTo("2012-09-10T15:29:24.181+00:00");
    }

    @Test
    void map_keepsTrailingZerosAndDigitsBeyondDouble_inAQuantity() {
        String json = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:5f6b1c44-7e7c-4d1e-9c1e-2a3b4c5d6e70","resource":{"resourceType":"Patient","id":"p1","name":[{"family":"Canary"}],
                   "birthDate":"1980-07"}},
                 {"fullUrl":"urn:uuid:5f6b1c44-7e7c-4d1e-9c1e-2a3b4c5d6e71","resource":{"resourceType":"Observation","id":"o1","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"2345-7"}]},
                   "subject":{"reference":"urn:uuid:5f6b1c44-7e7c-4d1e-9c1e-2a3b4c5d6e70"},
                   "effectiveDateTime":"2019-03-01T10:00:00.120+01:00",
                   "valueQuantity":{"value":0.10000000000000000555,"comparator":"<","unit":"mmol/L","system":"http://unitsofmeasure.org","code":"mmol/L"},
                   "component":[{"code":{"text":"a"},"valueQuantity":{"value":1.50,"unit":"mg"}}]}}]}""";

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(json.getBytes(StandardCharsets.UTF_8)));

        RegisterPatient patient = (RegisterPatient) mapped.entries().get(0).commands().get(0);
        assertThat(patient.demographics().birthDate().value()).isEqualTo("1980-07");
        RecordObservation o = (RecordObservation) mapped.entries().get(1).commands().get(0);
        assertThat(o.patientId()).isEqualTo(patient.patientId());
        assertThat(o.value().quantity().value().toPlainString()).isEqualTo("0.10000000000000000555");
        assertThat(o.value().quantity().comparator()).isEqualTo("<");
        assertThat(o.components().get(0).value().quantity().value().toPlainString()).isEqualTo("1.50");
        assertThat(o.effective().value()).isEqualTo("2019-03-01T10:00:00.120+01:00");
    }

    @Test
    void map_recordsTheDeath_afterRegistering_whenThePatientIsDeceased() {
        byte[] bytes = SharedData.bytes(SharedData.file("synthea/Bernardo_Ordonez_ee5ce8e4-160e-4265-88ea-a2ebf4e2dfa9.json"));
        JsonNode patient = stream(tree(bytes)).filter(r -> r.path("resourceType").asText().equals("Patient")).findFirst().orElseThrow();

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        MappedBundle.Entry entry = mapped.entries().stream().filter(e -> "Patient".equals(e.resourceType())).findFirst().orElseThrow();
        RegisterPatient register = (RegisterPatient) entry.commands().get(0);
        assertThat(register.demographics().birthDate().value()).isEqualTo(patient.path("birthDate").asText());
        assertThat(register.demographics().names().get(0).family()).isEqualTo(patient.path("name").get(0).path("family").asText());
        assertThat(register.demographics().gender()).isEqualTo(patient.path("gender").asText());
        assertThat(entry.finalCommands()).singleElement().isInstanceOfSatisfying(RecordDeath.class,
                death -> assertThat(death.deceasedAt().value()).isEqualTo(patient.path("deceasedDateTime").asText()));
    }

    @Test
    void map_keepsConditionalReferencesUnresolvedWithTheirIdentifier_whenTheDirectoryIsUnknown() {
        byte[] bytes = SharedData.bytes(SharedData.file("synthea/Dino214_Parisian75_40d82b80-b682-cd8b-da6d-396809878641.json"));

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        RecordEncounter encounter = mapped.entries().stream().filter(e -> "Encounter".equals(e.resourceType()))
                .map(e -> (RecordEncounter) e.commands().get(0)).findFirst().orElseThrow();
        Reference provider = encounter.serviceProvider();
        assertThat(provider.resolved()).isFalse();
        assertThat(provider.type()).isEqualTo("Organization");
        assertThat(provider.identifier().system()).isEqualTo("https://github.com/synthetichealth/synthea");
        assertThat(provider.identifier().value()).isNotBlank();
        assertThat(encounter.participants()).allSatisfy(p -> assertThat(p.identifier().system()).isEqualTo("http://hl7.org/fhir/sid/us-npi"));
        long unresolved = mapped.entries().stream().mapToLong(e -> e.unresolved().size()).sum();
        assertThat(unresolved).isEqualTo(32); // 16 encounters × (practitioner + organization)
    }

    @Test
    void map_resolvesConditionalReferences_againstEarlierImportedDirectoryRecords() {
        ReadBundle hospitals = reader.read(SharedData.bytes(SharedData.file("synthea/hospitalInformation1631542788493.json")));
        ReadBundle practitioners = reader.read(SharedData.bytes(SharedData.file("synthea/practitionerInformation1631542788493.json")));
        Map<String, String> ledger = new HashMap<>();
        for (ReadBundle directory : List.of(hospitals, practitioners)) {
            for (MappedBundle.Entry e : new FhirMapper(TENANT, KnownRecords.NONE).map(directory).entries()) {
                e.identifiers().forEach(id -> ledger.put(id.resourceType() + "|" + id.system() + "|" + id.value(), e.recordId()));
            }
        }
        KnownRecords known = new KnownRecords() {
            @Override
            public Optional<String> byIdentifier(String type, String system, String value) {
                return Optional.ofNullable(ledger.get(type + "|" + system + "|" + value));
            }

            @Override
            public Optional<RecordKind> kindOf(String recordId) {
                return ledger.containsValue(recordId) ? Optional.of(RecordKind.DIRECTORY) : Optional.empty();
            }
        };
        byte[] bytes = SharedData.bytes(SharedData.file("synthea/Cornell131_Frami345_67f75bc6-55d9-42fe-e85c-d1241bb212c4.json"));

        MappedBundle mapped = new FhirMapper(TENANT, known).map(reader.read(bytes));

        assertThat(mapped.entries()).allSatisfy(e -> assertThat(e.unresolved()).as("entry " + e.index()).isEmpty());
        RecordEncounter encounter = mapped.entries().stream().filter(e -> "Encounter".equals(e.resourceType()))
                .map(e -> (RecordEncounter) e.commands().get(0)).findFirst().orElseThrow();
        assertThat(encounter.serviceProvider().resolved()).isTrue();
        assertThat(encounter.location().resolved()).isTrue();
        assertThat(encounter.participants()).allSatisfy(p -> assertThat(p.resolved()).isTrue());
        assertThat(ledger).containsValue(encounter.serviceProvider().id());
    }

    @Test
    void map_draftsAndSignsADecodedNote_forEveryTextDocumentReference() {
        byte[] bytes = SharedData.bytes(SharedData.file("synthea/Cornell131_Frami345_67f75bc6-55d9-42fe-e85c-d1241bb212c4.json"));
        JsonNode raw = tree(bytes);

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(reader.read(bytes));

        MappedBundle.Entry entry = mapped.entries().stream().filter(e -> "DocumentReference".equals(e.resourceType())).findFirst().orElseThrow();
        JsonNode source = raw.path("entry").get(entry.index()).path("resource");
        String expected = new String(java.util.Base64.getDecoder().decode(source.path("content").get(0).path("attachment").path("data").asText()),
                StandardCharsets.UTF_8);
        DraftNote draft = (DraftNote) entry.commands().get(0);
        assertThat(draft.text()).isEqualTo(expected);
        assertThat(draft.encounterId()).isNotNull();
        assertThat(draft.type().codings()).extracting(c -> c.code()).contains("34117-2");
        assertThat(entry.commands().get(1)).isEqualTo(new SignNote(draft.noteId(), draft.patientId(), null));
    }

    @Test
    void map_skipsANoteWithoutInlineText_andSaysWhy() {
        ReadBundle single = reader.read(SharedData.bytes(SharedData.file("hl7-examples/DocumentReference-example.json")));

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(single);

        assertThat(mapped.entries()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(e.reason()).contains("only inline text/plain or text/markdown is imported").contains("application/hl7-v3+xml");
        });
    }

    @Test
    void map_refusesAnObservation_whosePatientIsNeitherInTheBundleNorKnown() {
        ReadBundle single = reader.read(SharedData.bytes(SharedData.file("hl7-examples/Observation-f001.json")));

        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE).map(single);

        assertThat(mapped.entries()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(e.location()).isEqualTo("Observation.subject");
            assertThat(e.reason()).contains("Patient/f001").contains("neither in the bundle nor imported before");
        });
    }

    @Test
    void map_resolvesARelativeReference_toAPatientImportedBefore() {
        FhirMapper mapper = new FhirMapper(TENANT, new KnownRecords() {
            @Override
            public Optional<String> byIdentifier(String type, String system, String value) {
                return Optional.empty();
            }

            @Override
            public Optional<RecordKind> kindOf(String recordId) {
                return recordId.equals(RecordIds.of(TENANT, "Patient", "Patient/example")) ? Optional.of(RecordKind.DEMOGRAPHICS) : Optional.empty();
            }
        });

        MappedBundle mapped = mapper.map(reader.read(SharedData.bytes(SharedData.file("hl7-examples/Observation-blood-pressure.json"))));

        RecordObservation bp = (RecordObservation) mapped.entries().get(0).commands().get(0);
        assertThat(bp.patientId()).isEqualTo(RecordIds.of(TENANT, "Patient", "Patient/example"));
        assertThat(bp.value()).isNull();
        assertThat(bp.components()).hasSize(2);
        assertThat(bp.components().get(0).value().quantity().value()).isEqualByComparingTo("107");
    }

    @Test
    void map_refusesDeletes_andSkipsReads_inATransaction() {
        MappedBundle mapped = new FhirMapper(TENANT, KnownRecords.NONE)
                .map(reader.read(SharedData.bytes(SharedData.file("hl7-examples/Bundle-bundle-transaction.json"))));

        assertThat(mapped.entries()).extracting(MappedBundle.Entry::outcome).containsExactly(
                Outcome.MAPPED, Outcome.MAPPED, Outcome.MAPPED, Outcome.MAPPED, Outcome.MAPPED,
                Outcome.REFUSED, Outcome.REFUSED, Outcome.NOT_MODELLED, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(mapped.entries().get(5).reason()).contains("DELETE is not imported");
    }

    @Test
    void recordIds_areTheSame_forTheSameTenantTypeAndKey_andDifferAcrossTenants() {
        assertThat(RecordIds.of("a", "Patient", "Patient/1")).isEqualTo(RecordIds.of("a", "Patient", "Patient/1"));
        assertThat(RecordIds.of("a", "Patient", "Patient/1")).isNotEqualTo(RecordIds.of("b", "Patient", "Patient/1"));
        assertThat(RecordIds.of("a", "Patient", "Patient/1")).isNotEqualTo(RecordIds.of("a", "Practitioner", "Patient/1"));
        assertThat(java.util.UUID.fromString(RecordIds.of("a", "Patient", "Patient/1")).version()).isEqualTo(5);
        // RFC 9562 test vector: DNS namespace, "www.example.com"
        assertThat(RecordIds.uuidV5(java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertQuantity(Quantity actual, JsonNode expected) {
        assertThat(actual.value()).as("decimal as written").isEqualTo(expected.path("value").decimalValue());
        assertThat(actual.value().toPlainString()).isEqualTo(expected.path("value").decimalValue().toPlainString());
        assertThat(actual.unit()).isEqualTo(expected.path("unit").asText(null));
        assertThat(actual.system()).isEqualTo(expected.path("system").asText(null));
        assertThat(actual.code()).isEqualTo(expected.path("code").asText(null));
    }

    private static Map<Class<?>, Integer> commandCounts(MappedBundle mapped) {
        Map<Class<?>, Integer> counts = new HashMap<>();
        for (MappedBundle.Entry e : mapped.entries()) {
            List<Object> all = new ArrayList<>(e.commands());
            all.addAll(e.finalCommands());
            all.forEach(c -> counts.merge(c.getClass(), 1, Integer::sum));
        }
        return counts;
    }

    private static Stream<JsonNode> stream(JsonNode bundle) {
        List<JsonNode> resources = new ArrayList<>();
        bundle.path("entry").forEach(e -> resources.add(e.path("resource")));
        return resources.stream();
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return EXACT.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
