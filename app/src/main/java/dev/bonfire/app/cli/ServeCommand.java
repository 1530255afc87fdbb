package dev.bonfire.app.cli;

import dev.bonfire.app.config.AuthenticationSettings;
import io.micronaut.runtime.Micronaut;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Starts the HTTP server (and Axon, and migrations) and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP server.")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Micronaut.build(new String[0])
                .mainClass(ServeCommand.class)
                .properties(AuthenticationSettings.fromEnvironment(System.getenv()))
                .banner(false)
                .start();
        return 0;
    }
}
