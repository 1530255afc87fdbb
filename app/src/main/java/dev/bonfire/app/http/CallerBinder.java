package dev.bonfire.app.http;

import dev.bonfire.policy.Caller;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Caller} of a request. Tenant, actor and role come only from the verified token
 * (a tenant in a request body or header is never read). Purpose of use comes from the
 * {@value #PURPOSE_HEADER} header, else the token's {@code purpose} claim; via from {@value #VIA_HEADER},
 * else the token's {@code via} claim. What is missing stays null, and the gate refuses an incomplete caller.
 */
@Singleton
final class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    static final String PURPOSE_HEADER = "X-Purpose-Of-Use";
    static final String VIA_HEADER = "X-Via";

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = callerOf(source);
        if (caller.isEmpty()) {
            return BindingResult.unsatisfied();
        }
        return () -> caller;
    }

    /** The caller of an authenticated request, as bound to handlers; empty when it is not authenticated. */
    static Optional<Caller> callerOf(HttpRequest<?> source) {
        Optional<Authentication> authentication = source.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> claims = authentication.get().getAttributes();
        return Optional.of(new Caller(
                claim(claims, "tenant"),
                authentication.get().getName(),
                claim(claims, "role"),
                source.getHeaders().get(PURPOSE_HEADER, String.class).orElse(claim(claims, "purpose")),
                source.getHeaders().get(VIA_HEADER, String.class).orElse(claim(claims, "via"))));
    }

    private static String claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
