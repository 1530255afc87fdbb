package dev.bonfire.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code bonfire} command. */
@Command(name = "bonfire", mixinStandardHelpOptions = true,
        description = "bonfire: the clinical data layer. Configuration comes from BONFIRE_* environment variables.",
        subcommands = {ServeCommand.class, TokenCommand.class, ImportCommand.class, SampleClinicCommand.class, BenchCommand.class})
public final class BonfireCommand {
}
