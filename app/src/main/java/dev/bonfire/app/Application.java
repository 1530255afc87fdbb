package dev.bonfire.app;

import dev.bonfire.app.cli.BonfireCommand;
import picocli.CommandLine;

/** {@code bonfire serve | token | import | sample-clinic | bench}: the server and its command-line tools. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int exit = new CommandLine(new BonfireCommand()).execute(args.length == 0 ? new String[] {"serve"} : args);
        if (exit != 0 || !(args.length == 0 || "serve".equals(args[0]))) {
            System.exit(exit);
        }
    }
}
