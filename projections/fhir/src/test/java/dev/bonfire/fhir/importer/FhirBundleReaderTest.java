package dev.bonfire.fhir.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FhirBundleReaderTest {

    private static FhirBundleReader reader;

    @BeforeAll
    static void warmUp() {
        reader = FhirBundleReader.shared();
        long start = System.nanoTime();
        reader.warmUp();
        System.out.printf("validator warm-up (first call): %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /** What each invalid file must be rejected for (a piece of the message), and a value that must not leak. */
    private static final Map<String, List<String>> INVALID = Map.of(
            "bad-json-close-1.json", List.of("not strict JSON at line", "Christopher"),
            "json-no-quotes-1.json", List.of("not strict JSON at line 2", "Simmons"),
            "observation-with-trailing-dot.json", List.of("not strict JSON at line", "925"),
            "patient-duplicate.json", List.of("Duplicate field 'active'", "pat-good"),
            "custom-resource.json", List.of("CustomResource", "needle"),
            "ProcedureRequest-example.json", List.of("ProcedureRequest", "Diagnostics Procedure"),
            "Observation-ex-pain.json", List.of("Observation.code: minimum required = 1", "ex-pain"),
            "bundle-with-no-type.json", List.of("Bundle.type is required", "Anna Testi"),
            "synthea.json", List.of("Invalid attribute value", "completed"),
            "patient-id-bad-2.json", List.of("the resource id must be", "bad-id 1"));

    static Stream<Path> invalidFiles() {
        return SharedData.files("tricky/invalid").stream();
    }

    static Stream<Path> validFiles() {
        return Stream.of("synthea", "hl7-examples", "tricky").flatMap(folder -> SharedData.files(folder).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void read_rejectsTheFile_withAClearMessageFreeOfItsValues_whenItIsInvalid(Path file) {
        List<String> expected = INVALID.get(file.getFileName().toString());
        assertThat(expected).as("an expectation for every file in tricky/invalid").isNotNull();

        InvalidBundleException rejected = catchThrowableOfType(InvalidBundleException.class, () -> reader.read(SharedData.bytes(file)));

        assertThat(rejected).as(file.getFileName() + " is rejected").isNotNull();
        assertThat(rejected.problems()).isNotEmpty();
        String all = String.join(" | ", rejected.problems().stream().map(InvalidBundleException::describe).toList());
        System.out.println(file.getFileName() + " -> " + all);
        assertThat(all).contains(expected.get(0));
        assertThat(all).doesNotContain(expected.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void read_acceptsTheFile_whenItIsValidFhirR4(Path file) {
        long start = System.nanoTime();
        ReadBundle bundle = reader.read(SharedData.bytes(file));
        long total = (System.nanoTime() - start) / 1_000_000;

        assertThat(bundle.entries()).isNotEmpty();
        assertThat(bundle.sha256()).hasSize(64);
        if (file.getParent().getFileName().toString().equals("synthea")) {
            System.out.printf("%-72s %4d entries: read %4d ms, validate %5d ms, total %5d ms%n", file.getFileName(),
                    bundle.entries().size(), bundle.readMillis(), bundle.validateMillis(), total);
        }
    }

    @Test
    void read_acceptsAndStripsAByteOrderMark_whenTheFileStartsWithOne() {
        byte[] bytes = SharedData.bytes(SharedData.file("tricky/shc-bundle.json"));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);

        ReadBundle bundle = reader.read(bytes);

        assertThat(bundle.bundleType()).isEqualTo("collection");
        assertThat(bundle.entries()).extracting(ReadBundle.Entry::resourceType).containsExactly("Patient", "Immunization", "Immunization");
    }

    @Test
    void read_rejectsTheBundle_whenAUrnUuidReferenceNamesNoEntry() {
        String json = """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"fullUrl":"urn:uuid:4b5a3a4e-0f0e-4c55-8a5e-3c2c1a0f9e01","resource":{"resourceType":"Observation","status":"final",
                   "code":{"text":"x"},"subject":{"reference":"urn:uuid:00000000-0000-0000-0000-000000000000"}}}]}""";

        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("entry 0 (Observation urn:uuid:4b5a3a4e-0f0e-4c55-8a5e-3c2c1a0f9e01): Observation.subject")
                .hasMessageContaining("names no entry of the bundle");
    }

    @Test
    void read_rejectsTheBundle_whenItIsAHistoryBundle() {
        String json = """
                {"resourceType":"Bundle","type":"history","entry":[]}""";

        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("Bundle.type history is not importable");
    }

    @Test
    void read_rejectsTheText_whenItIsNotUtf8() {
        byte[] latin1 = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\"}]}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read(latin1)).isInstanceOf(InvalidBundleException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void read_rejectsTheBundle_whenTwoEntriesShareAFullUrl() {
        String json = """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"fullUrl":"urn:uuid:4b5a3a4e-0f0e-4c55-8a5e-3c2c1a0f9e01","resource":{"resourceType":"Organization","name":"a"}},
                  {"fullUrl":"urn:uuid:4b5a3a4e-0f0e-4c55-8a5e-3c2c1a0f9e01","resource":{"resourceType":"Organization","name":"b"}}]}""";

        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("entry 1")
                .hasMessageContaining("the fullUrl is used by an earlier entry");
    }

    @Test
    void read_acceptsTheBundle_whenOnlyAResourceThatIsNotModelledHasValidatorErrors() {
        // the HL7 example's DiagnosticReport carries an extension the R4 definition does not know: an error
        // for the validator, in a type bonfire skips (not stored, so not validated)
        ReadBundle bundle = reader.read(SharedData.bytes(SharedData.file("tricky/Bundle-hla-1.json")));

        assertThat(bundle.entries()).hasSize(22);
    }

    @Test
    void read_countsButDoesNotReject_errorsInSkippedResources_whenADocumentIsValidatedWhole() {
        String json = """
                {"resourceType":"Bundle","type":"document","identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b70"},
                 "timestamp":"2021-04-01T10:00:00Z","entry":[
                  {"fullUrl":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b71","resource":{"resourceType":"Composition","status":"final",
                    "type":{"text":"note"},"date":"2021-04-01","author":[{"display":"a"}],"title":"t",
                    "section":[{"title":"s","entry":[{"reference":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b72"},
                      {"reference":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b73"}]}]}},
                  {"fullUrl":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b72","resource":{"resourceType":"Immunization",
                    "vaccineCode":{"text":"x"},"patient":{"display":"p"},"occurrenceString":"spring"}},
                  {"fullUrl":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b73","resource":{"resourceType":"Organization","name":"Clinic"}}]}""";

        ReadBundle bundle = reader.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(bundle.ignoredValidationErrors()).containsKey("Immunization"); // Immunization.status is required
        assertThat(bundle.entries()).hasSize(3);
    }

    @Test
    void read_namesTheEntry_whenAModelledResourceInABundleIsInvalid() {
        String json = """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"fullUrl":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b71","resource":{"resourceType":"Claim","status":"active"}},
                  {"fullUrl":"urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b72","resource":{"resourceType":"Observation","status":"final"}}]}""";

        assertThatThrownBy(() -> reader.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("entry 1 (Observation urn:uuid:0c3e1d2a-7b6f-4e1a-9c55-2d1f0e9a8b72): Observation: Observation.code: minimum required = 1");
    }
}
