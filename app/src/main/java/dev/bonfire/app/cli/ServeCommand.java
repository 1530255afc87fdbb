package dev.bonfire.app.cli;

import dev.bonfire.app.config.AuthenticationSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Starts the HTTP server and runs until stopped. The database, its migrations and Axon are brought up
 * before the server is left running: if any of them fails, the process stops with a non-zero exit
 * instead of serving errors.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP server.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() {
        ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(ServeCommand.class)
                .properties(AuthenticationSettings.fromEnvironment(System.getenv()))
                .banner(false)
                .start();
        try {
            context.getBean(org.axonframework.config.Configuration.class);
        } catch (RuntimeException e) {
            LOG.error("bonfire could not start: {}", rootMessage(e));
            context.close();
            return 1;
        }
        return 0;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
