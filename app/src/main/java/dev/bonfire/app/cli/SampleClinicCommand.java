package dev.bonfire.app.cli;

import ca.uhn.fhir.context.FhirContext;
import dev.bonfire.app.sample.SampleClinic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the synthetic sample clinic as FHIR R4 bundle files, ready for {@code bonfire import} or the import endpoint. */
@Command(name = "sample-clinic", mixinStandardHelpOptions = true, description = "Generate the synthetic sample clinic as FHIR R4 bundles (00-directory.json first).")
final class SampleClinicCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "folder to write the bundles to")
    Path out;

    @Option(names = "--patients", defaultValue = "12", description = "number of patients, default ${DEFAULT-VALUE}")
    int patients;

    @Option(names = "--seed", defaultValue = "20261203", description = "random seed, default ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        List<String> bundles = new SampleClinic(seed, FhirContext.forR4Cached()).bundles(patients);
        for (int i = 0; i < bundles.size(); i++) {
            String name = i == 0 ? "00-directory.json" : String.format("patient-%04d.json", i);
            Files.writeString(out.resolve(name), bundles.get(i), StandardCharsets.UTF_8);
        }
        System.err.printf("wrote %d bundles (%d patients) to %s%n", bundles.size(), patients, out);
        return 0;
    }
}
