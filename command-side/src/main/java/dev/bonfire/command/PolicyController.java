package dev.bonfire.command;

import dev.bonfire.policy.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.UUID;

/**
 * The policy door. {@code GET /api/policy}: the caller's tenant policy (JSON, the
 * {@link dev.bonfire.policy.TenantPolicyDocuments} format). {@code PUT /api/policy}: replaces it (role
 * {@code admin} only; a bad document answers 400 and changes nothing); it takes effect with the next
 * request. The tenant is always the token's.
 */
@Controller("/api/policy")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PolicyController {

    private final TenantPolicyService policies;

    PolicyController(TenantPolicyService policies) {
        this.policies = policies;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> document(Caller caller) {
        return HttpResponse.ok(policies.document(caller)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Put(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> replace(@Nullable @Body String body, Caller caller, @Nullable @Header("X-Request-Id") String requestId) {
        String correlationId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        return HttpResponse.ok(policies.replace(caller, body, correlationId))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", correlationId);
    }
}
