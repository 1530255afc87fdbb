package dev.bonfire.app.cli;

import dev.bonfire.app.auth.DevelopmentTokens;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mints a development token signed with {@code BONFIRE_JWT_SECRET}, or else with the secret
 * {@code scripts/run} keeps in {@code .bonfire/jwt-secret}; production uses the customer's identity provider.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mint a development JWT for a user, tenant and role (signed with BONFIRE_JWT_SECRET or .bonfire/jwt-secret).")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, description = "the user (token subject)")
    String user;

    @Option(names = "--tenant", required = true, description = "the tenant the user works in")
    String tenant;

    @Option(names = "--role", required = true, description = "clinician, psychotherapist, front-desk, importer or admin")
    String role;

    @Option(names = "--purpose", defaultValue = "TREAT", description = "default purpose of use (HL7 PurposeOfUse), default ${DEFAULT-VALUE}")
    String purpose;

    @Option(names = "--via", defaultValue = "bonfire-cli", description = "the app or agent the token is for, default ${DEFAULT-VALUE}")
    String via;

    @Option(names = "--hours", defaultValue = "12", description = "lifetime in hours, default ${DEFAULT-VALUE}")
    long hours;

    @Override
    public Integer call() {
        String secret = System.getenv("BONFIRE_JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            secret = DevelopmentTokens.localSecret().orElse(null);
        }
        System.out.println(DevelopmentTokens.mint(secret, user, tenant, role, purpose, via, Duration.ofHours(hours)));
        return 0;
    }
}
