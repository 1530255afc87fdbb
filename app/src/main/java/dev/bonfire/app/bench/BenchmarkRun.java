package dev.bonfire.app.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * One benchmark run: a fresh schema in the configured database (BONFIRE_DATABASE_*), the real server on
 * a random local port, the three measurements, a Markdown report, and the schema dropped afterwards.
 */
public final class BenchmarkRun {

    private final int patients;
    private final int commands;
    private final int reads;
    private final Path out;

    public BenchmarkRun(int patients, int commands, int reads, Path out) {
        this.patients = patients;
        this.commands = commands;
        this.reads = reads;
        this.out = out;
    }

    public int run() throws Exception {
        PrintStream progress = System.err;
        String schema = "bench_" + Instant.now().getEpochSecond();
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getEncoder().encodeToString(key);
        Map<String, Object> properties = Map.of(
                "bonfire.database.schema", schema,
                "micronaut.server.port", -1,
                "micronaut.security.token.jwt.signatures.secret.generator.secret", secret);
        progress.printf("benchmark on schema %s (dropped afterwards)%n", schema);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            context.getBean(EmbeddedServer.class).start();
            try {
                Benchmark benchmark = new Benchmark(context, secret, progress);
                Benchmark.ImportResult imported = benchmark.importThroughput(patients);
                Stats latency = benchmark.commandLatency(commands);
                Map<String, Stats> overhead = benchmark.gateOverhead(reads);
                String report = report(context, imported, latency, overhead);
                System.out.println(report);
                if (out != null) {
                    Files.writeString(out, report, StandardCharsets.UTF_8);
                }
            } finally {
                context.findBean(org.axonframework.config.Configuration.class).ifPresent(org.axonframework.config.Configuration::shutdown);
                try (Connection connection = context.getBean(HikariDataSource.class).getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
        }
        return 0;
    }

    private String report(ApplicationContext context, Benchmark.ImportResult imported, Stats latency, Map<String, Stats> overhead)
            throws Exception {
        String postgres;
        try (Connection connection = context.getBean(HikariDataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("show server_version")) {
            version.next();
            postgres = version.getString(1);
        }
        Stats gated = overhead.get("gated");
        Stats ungated = overhead.get("ungated");
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", PostgreSQL ").append(postgres).append(".\n\n");
        md.append("| measurement | result |\n|---|---|\n");
        md.append(String.format("| import throughput (%d bundles, %d resources, in-process importer, validation included) | **%.0f resources/s** (%.1f s) |%n",
                imported.bundles(), imported.resources(), imported.perSecond(), imported.seconds()));
        md.append(String.format("| command latency over HTTP, RecordObservation, sequential (%d samples) | median **%.2f ms**, p90 %.2f ms, p99 **%.2f ms**, max %.2f ms |%n",
                latency.samples(), latency.median(), latency.p90(), latency.p99(), latency.max()));
        md.append(String.format("| patient read by id, gated and logged (%d samples) | median %.3f ms, p99 %.3f ms |%n",
                gated.samples(), gated.median(), gated.p99()));
        md.append(String.format("| the same read, ungated (%d samples) | median %.3f ms, p99 %.3f ms |%n",
                ungated.samples(), ungated.median(), ungated.p99()));
        md.append(String.format("| gate overhead per read | median **+%.3f ms**, p99 +%.3f ms |%n",
                gated.median() - ungated.median(), gated.p99() - ungated.p99()));
        return md.toString();
    }
}
