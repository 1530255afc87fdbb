package dev.bonfire.domain;

import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.note.NoteSigned;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.patient.PatientRegistered;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Freezes what the log stores: every event's class name and revision against the checked-in manifest, and
 * a golden JSON sample per event that must still read into the current record and write back unchanged.
 */
class EventManifestTest {

    private static final String MANIFEST = "/event-manifest.txt";
    private static final ObjectMapper JSON = EventJson.mapper();

    /** Jackson's own node equality calls 1.50 and 1.5 equal; the log must not. */
    private static final Comparator<JsonNode> SCALE_SENSITIVE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().equals(b.decimalValue()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    @Test
    void manifest_listsExactlyTheEventTypesAndRevisionsOfTheCode() {
        Set<String> inCode = DomainModel.events().stream()
                .map(type -> type.getName() + " " + revisionOf(type))
                .collect(toCollection(TreeSet::new));
        Set<String> inManifest = new TreeSet<>(manifest());

        Set<String> notInManifest = new TreeSet<>(inCode);
        notInManifest.removeAll(inManifest);
        Set<String> goneFromCode = new TreeSet<>(inManifest);
        goneFromCode.removeAll(inCode);
        if (!notInManifest.isEmpty() || !goneFromCode.isEmpty()) {
            fail("""
                    The stored event types changed. Events already in a log are read back by these names and revisions:
                    a rename or move needs an upcaster (or a kept class), a reshape a new @Revision and an upcaster.
                    Then update src/test/resources/event-manifest.txt and the golden sample.
                      in the code, not in the manifest: %s
                      in the manifest, not in the code: %s""".formatted(notInManifest, goneFromCode));
        }
    }

    @Test
    void events_haveDistinctSimpleNames_soEachHasItsOwnGoldenSample() {
        List<String> names = DomainModel.events().stream().map(Class::getSimpleName).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void everyGoldenSample_belongsToAnEventInTheManifest() throws IOException, URISyntaxException {
        Set<String> expected = manifestClassNames().map(EventManifestTest::simpleName).map(n -> n + ".json")
                .collect(toCollection(TreeSet::new));
        Path golden = Path.of(EventManifestTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(golden)) {
            Set<String> samples = files.map(p -> p.getFileName().toString()).collect(toCollection(TreeSet::new));
            assertThat(samples).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestClassNames")
    void goldenSample_readsIntoTheCurrentRecord_andWritesBackUnchanged(String className) throws Exception {
        Class<?> type = Class.forName(className);
        byte[] sample = golden(className);
        JsonNode stored = JSON.readTree(sample);

        Object event = JSON.readValue(sample, type);
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(event));

        assertThat(written.equals(SCALE_SENSITIVE, stored))
                .as("%s: the golden sample no longer round-trips; a field was renamed, removed or retyped.%n stored:  %s%n written: %s",
                        type.getSimpleName(), stored, written)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestClassNames")
    void goldenSample_readsTheSame_throughAJsonTree_asUpcastersSeeIt(String className) throws Exception {
        Class<?> type = Class.forName(className);
        byte[] sample = golden(className);

        assertThat(JSON.treeToValue(JSON.readTree(sample), type)).isEqualTo(JSON.readValue(sample, type));
    }

    @Test
    void quantity_keepsItsWrittenScale_throughTheLog() throws Exception {
        byte[] sample = golden(ObservationRecorded.class.getName());

        for (ObservationRecorded event : List.of(
                JSON.readValue(sample, ObservationRecorded.class),
                JSON.treeToValue(JSON.readTree(sample), ObservationRecorded.class))) {
            BigDecimal value = event.value().quantity().value();
            assertThat(value).isEqualTo(new BigDecimal("1.50"));
            assertThat(value.scale()).isEqualTo(2);
            assertThat(JSON.writeValueAsString(event)).contains("\"value\":1.50,");
            assertThat(JSON.writeValueAsString(JSON.valueToTree(event))).contains("\"value\":1.50,");
        }
    }

    @Test
    void dateTime_keepsItsOffset_throughTheLog() throws Exception {
        ObservationRecorded event = JSON.readValue(golden(ObservationRecorded.class.getName()), ObservationRecorded.class);

        assertThat(event.effective().value()).isEqualTo("2019-03-01T10:00:00+01:00");
        assertThat(event.effective().precision()).isEqualTo(ClinicalDateTime.Precision.TIME);
        assertThat(event.effective().lowerBound()).isEqualTo(Instant.parse("2019-03-01T09:00:00Z"));
        assertThat(JSON.writeValueAsString(event)).contains("\"effective\":\"2019-03-01T10:00:00+01:00\"");
    }

    @Test
    void partialDate_staysPartial_throughTheLog() throws Exception {
        PatientRegistered event = JSON.readValue(golden(PatientRegistered.class.getName()), PatientRegistered.class);

        assertThat(event.demographics().birthDate().value()).isEqualTo("1980-07");
        assertThat(event.demographics().birthDate().precision()).isEqualTo(ClinicalDateTime.Precision.MONTH);
        assertThat(JSON.writeValueAsString(event)).contains("\"birthDate\":\"1980-07\"");
    }

    @Test
    void unknownProperties_areTolerated_soEventsWrittenByANewerVersionStayReadable() throws Exception {
        String withExtra = "{\"noteId\":\"note-1\",\"patientId\":\"patient-1\",\"signedBy\":\"someone\"}";

        assertThat(JSON.readValue(withExtra, NoteSigned.class))
                .isEqualTo(new NoteSigned("note-1", "patient-1"));
    }

    static Stream<String> manifestClassNames() {
        return manifest().stream().map(line -> line.substring(0, line.indexOf(' ')));
    }

    private static List<String> manifest() {
        try (InputStream in = EventManifestTest.class.getResourceAsStream(MANIFEST)) {
            assertThat(in).as(MANIFEST).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String revisionOf(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? "null" : revision.value();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static byte[] golden(String className) throws IOException {
        String resource = "/golden/" + simpleName(className) + ".json";
        try (InputStream in = EventManifestTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden sample " + resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
