package dev.bonfire.app.http;

import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.access.AccessLog;
import dev.bonfire.policy.access.RecordedDenial;
import dev.bonfire.policy.event.AccessRecorded;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The HTTP edge's net under the access log: a refusal answered over HTTP that its door did not record
 * (any {@link AccessDeniedException} that is not a {@link RecordedDenial}, such as a door's own role
 * rule) is recorded here, on its own, before the answer goes out, with the route as the door. Doors
 * should record their refusals themselves, with what was asked; this makes forgetting visible in the
 * log instead of silent.
 */
@Singleton
final class UnrecordedRefusals {

    private final AccessLog log;

    UnrecordedRefusals(AccessLog log) {
        this.log = log;
    }

    void record(HttpRequest<?> request, Throwable cause) {
        if (!(cause instanceof AccessDeniedException denied) || cause instanceof RecordedDenial) {
            return;
        }
        String door = request.getMethodName() + " " + BasicHttpAttributes.getUriTemplate(request).orElse("{unrouted}");
        Action action = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD ? Action.READ : Action.WRITE;
        log.recordOnItsOwn(CallerBinder.callerOf(request).orElse(null), request.getHeaders().get(RequestIds.HEADER),
                AccessRecorded.refused(door, action, null, List.of(), List.of(), denied.decision(), null));
    }
}
