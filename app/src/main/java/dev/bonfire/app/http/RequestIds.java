package dev.bonfire.app.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an {@value #HEADER}: the client's, if it is a plain token (letters, digits,
 * {@code . _ : -}, at most 64), else a fresh UUID. It becomes the correlation id of the events and
 * access records the request causes, and is echoed on every response, errors included. A client value
 * that is not a plain token is replaced, so nothing else (a name, a sentence) reaches the log through it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @RequestFilter
    void assign(MutableHttpRequest<?> request) {
        String sent = request.getHeaders().get(HEADER);
        if (sent == null || !PLAIN.matcher(sent).matches()) {
            request.getHeaders().set(HEADER, UUID.randomUUID().toString());
        }
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getHeaders().get(HEADER);
        if (id != null) {
            response.getHeaders().set(HEADER, id);
        }
    }
}
