package dev.bonfire.app.cli;

import dev.bonfire.app.bench.BenchmarkRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures import throughput, command latency and gate overhead on a fresh schema of the configured database. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark import throughput, command latency (median, p99) and gate overhead.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--patients", defaultValue = "100", description = "sample patients to import, default ${DEFAULT-VALUE}")
    int patients;

    @Option(names = "--commands", defaultValue = "2000", description = "commands to time, default ${DEFAULT-VALUE}")
    int commands;

    @Option(names = "--reads", defaultValue = "5000", description = "reads to time with and without the gate, default ${DEFAULT-VALUE}")
    int reads;

    @Option(names = "--out", description = "also write the results as Markdown to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        return new BenchmarkRun(patients, commands, reads, out).run();
    }
}
