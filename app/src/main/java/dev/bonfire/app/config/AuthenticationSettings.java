package dev.bonfire.app.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How bearer tokens are verified: {@code BONFIRE_JWT_JWKS_URL} (the customer's identity provider, in
 * production) or {@code BONFIRE_JWT_SECRET} (an HS256 development secret of at least 32 bytes). With
 * neither, the server does not start: it would accept no one, or worse.
 */
public final class AuthenticationSettings {

    static final String SECRET_PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";
    static final String ALGORITHM_PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm";
    static final String JWKS_PROPERTY = "micronaut.security.token.jwt.signatures.jwks.identity-provider.url";
    static final String NOT_BEFORE_PROPERTY = "micronaut.security.token.jwt.claims-validators.not-before";
    static final String ISSUER_PROPERTY = "micronaut.security.token.jwt.claims-validators.issuer";
    static final String AUDIENCE_PROPERTY = "micronaut.security.token.jwt.claims-validators.audience";

    private AuthenticationSettings() {
    }

    /**
     * The Micronaut properties for the given environment; fails with the names of the settings when
     * neither is set. Tokens must carry an expiry and be already valid ({@code nbf}); with
     * {@code BONFIRE_JWT_ISSUER} and {@code BONFIRE_JWT_AUDIENCE} set (do, in production), their
     * {@code iss} and {@code aud} must match.
     */
    public static Map<String, Object> fromEnvironment(Map<String, String> environment) {
        Map<String, Object> properties = new java.util.HashMap<>(verification(environment));
        properties.put(NOT_BEFORE_PROPERTY, true);
        String issuer = environment.get("BONFIRE_JWT_ISSUER");
        if (issuer != null && !issuer.isBlank()) {
            properties.put(ISSUER_PROPERTY, issuer);
        }
        String audience = environment.get("BONFIRE_JWT_AUDIENCE");
        if (audience != null && !audience.isBlank()) {
            properties.put(AUDIENCE_PROPERTY, audience);
        }
        return Map.copyOf(properties);
    }

    private static Map<String, Object> verification(Map<String, String> environment) {
        String jwks = environment.get("BONFIRE_JWT_JWKS_URL");
        if (jwks != null && !jwks.isBlank()) {
            if (!jwks.startsWith("https://")) {
                throw new MissingSettingException("BONFIRE_JWT_JWKS_URL must be an https:// URL");
            }
            return Map.of(JWKS_PROPERTY, jwks);
        }
        String secret = environment.get("BONFIRE_JWT_SECRET");
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new MissingSettingException("set BONFIRE_JWT_JWKS_URL (your identity provider) or BONFIRE_JWT_SECRET "
                    + "(a development secret of at least 32 bytes)");
        }
        return Map.of(SECRET_PROPERTY, secret, ALGORITHM_PROPERTY, "HS256");
    }
}
