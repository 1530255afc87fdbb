package dev.bonfire.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bonfire.app.config.MissingSettingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Mints HS256 tokens with the claims bonfire reads: subject, tenant, role, and default purpose and via. */
public final class DevelopmentTokens {

    private DevelopmentTokens() {
    }

    /** The development secret {@code scripts/run} keeps in {@code .bonfire/jwt-secret} of the current folder, if any. */
    public static java.util.Optional<String> localSecret() {
        java.nio.file.Path file = java.nio.file.Path.of(".bonfire", "jwt-secret");
        try {
            return java.nio.file.Files.isReadable(file)
                    ? java.util.Optional.of(java.nio.file.Files.readString(file).strip())
                    : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    public static String mint(String secret, String user, String tenant, String role, String purpose, String via, Duration lifetime) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new MissingSettingException("BONFIRE_JWT_SECRET is not set (nor .bonfire/jwt-secret) or shorter than 32 bytes");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user)
                .issuer("bonfire-dev")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("tenant", tenant)
                .claim("role", role)
                .claim("purpose", purpose)
                .claim("via", via)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }
}
