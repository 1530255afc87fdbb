package dev.bonfire.command;

import dev.bonfire.policy.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/commands/{command}}: the write door. The body is the command as JSON (ids of
 * records it creates are assigned by the server and returned). Optional headers:
 * {@code Idempotency-Key}, {@code X-Source} (where the values came from), {@code X-Request-Id}.
 * Non-creating commands take {@code expectedVersion} in the body; a stale one answers 409.
 */
@Controller("/api/commands")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CommandController {

    private final CommandDispatcher dispatcher;

    CommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Post("/{command}")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<CommandResult> send(@PathVariable String command, @Nullable @Body String body, Caller caller,
                                     @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                     @Nullable @Header("X-Source") String source,
                                     @Nullable @Header("X-Request-Id") String requestId) {
        String correlationId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        CommandResult result = dispatcher.dispatch(caller, command, body, idempotencyKey, source, correlationId);
        boolean created = !result.replayed() && CommandCatalog.find(command).map(CommandCatalog::createsRecord).orElse(false);
        return (created ? HttpResponse.created(result) : HttpResponse.ok(result)).header("X-Request-Id", correlationId);
    }

    /** The names of the commands this server accepts. */
    @Get
    Set<String> commands() {
        return CommandCatalog.names();
    }
}
