package dev.bonfire.app.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail. Bodies carry no PHI and no identifiers, so that a record of another
 * tenant answers exactly like one that never existed.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String rule) {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    public static HttpResponse<Problem> response(HttpStatus status, String type, String detail, String rule) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(new Problem("https://bonfire.dev/problems/" + type, status.getReason(), status.getCode(), detail, rule));
    }

    public static HttpResponse<Problem> notFound() {
        return response(HttpStatus.NOT_FOUND, "not-found", "no such record", null);
    }
}
