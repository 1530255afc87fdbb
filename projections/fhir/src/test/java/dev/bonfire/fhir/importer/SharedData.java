package dev.bonfire.fhir.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared FHIR test data ({@code ../shared/data/fhir}: Synthea bundles, HL7 examples, tricky and invalid
 * files). Found through the system property {@code bonfire.shared.dir} (the root pom sets it for
 * surefire), else {@code /work/shared}. Tests that need it are skipped, not failed, when it is absent.
 */
final class SharedData {

    private SharedData() {
    }

    static Path fhir() {
        Path dir = Path.of(System.getProperty("bonfire.shared.dir", "/work/shared")).resolve("data/fhir");
        assumeTrue(Files.isDirectory(dir.resolve("synthea")),
                "skipped: the shared FHIR test data is not at " + dir + " (set -Dbonfire.shared.dir=<folder holding data/fhir>)");
        return dir;
    }

    /** The .json files directly in {@code data/fhir/<folder>}, sorted by name. */
    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(fhir().resolve(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String relative) {
        return fhir().resolve(relative);
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Synthea bundles in the order an import has to take: the hospital and practitioner batches first. */
    static List<Path> syntheaInImportOrder() {
        return files("synthea").stream()
                .sorted((a, b) -> Boolean.compare(!isDirectoryBatch(a), !isDirectoryBatch(b)) != 0
                        ? Boolean.compare(!isDirectoryBatch(a), !isDirectoryBatch(b)) : a.compareTo(b))
                .toList();
    }

    static boolean isDirectoryBatch(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("hospitalInformation") || name.startsWith("practitionerInformation");
    }
}
