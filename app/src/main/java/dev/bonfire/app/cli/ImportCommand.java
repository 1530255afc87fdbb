package dev.bonfire.app.cli;

import dev.bonfire.fhir.importer.FhirBundleImporter;
import dev.bonfire.fhir.importer.ImportReport;
import dev.bonfire.fhir.importer.ProgressListener;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports FHIR R4 bundles (files, or every *.json in a folder, in name order) for one tenant, as the
 * tenant's import principal, through the same gate as every other write; prints progress and a report
 * per resource type. Exits 1 when any bundle was rejected (rejected bundles store nothing).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import FHIR R4 bundles (transaction, batch or collection) for a tenant.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--tenant", required = true, description = "the tenant the records belong to")
    String tenant;

    @Option(names = "--user", defaultValue = "cli-import", description = "who imports (the actor recorded on every event), default ${DEFAULT-VALUE}")
    String user;

    @Parameters(arity = "1..*", description = "bundle files or folders of *.json")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        List<Path> files = expand(inputs);
        Map<String, int[]> totals = new TreeMap<>();
        int rejected = 0;
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("micronaut.security.enabled", false)).start()) {
            FhirBundleImporter importer = context.getBean(FhirBundleImporter.class);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String label = String.format("[%d/%d] %s", i + 1, files.size(), file.getFileName());
                ImportReport report;
                try (InputStream in = Files.newInputStream(file)) {
                    report = importer.importBundle(tenant, user, in, progress(label));
                }
                System.err.printf("\r%s: %s (%d ms)%n", label, report.message(), report.elapsedMillis());
                if (report.status() == ImportReport.Status.REJECTED) {
                    rejected++;
                    report.problems().forEach(p -> System.err.println("    " + p));
                }
                report.byType().forEach((type, counts) -> {
                    int[] t = totals.computeIfAbsent(type, k -> new int[3]);
                    t[0] += counts.imported();
                    t[1] += counts.alreadyPresent();
                    t[2] += counts.skippedNotModelled();
                });
            }
        }
        System.out.printf("%-28s %10s %10s %14s%n", "resource type", "imported", "present", "not modelled");
        totals.forEach((type, t) -> System.out.printf("%-28s %10d %10d %14d%n", type, t[0], t[1], t[2]));
        System.out.printf("%d bundle(s), %d rejected%n", files.size(), rejected);
        return rejected == 0 ? 0 : 1;
    }

    private static ProgressListener progress(String label) {
        return new ProgressListener() {
            private String phase = "reading";

            @Override
            public void phase(String name) {
                phase = name;
                System.err.printf("\r%s: %s...            ", label, name);
            }

            @Override
            public void progress(int done, int total) {
                if (done == total || done % 50 == 0) {
                    System.err.printf("\r%s: %s %d/%d   ", label, phase, done, total);
                }
            }
        };
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> children = Files.list(input)) {
                    children.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }
}
