package dev.bonfire.app.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * A token without an expiry is refused: it would never stop working. (Micronaut's own expiry check
 * passes a token that has no {@code exp} at all.)
 */
@Singleton
final class ExpiryRequiredClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        return claims.contains(Claims.EXPIRATION_TIME) && claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
