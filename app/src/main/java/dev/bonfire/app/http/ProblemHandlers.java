package dev.bonfire.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bonfire.command.IdempotencyConflictException;
import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordNotFoundException;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.access.AccessLogUnavailableException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** Maps every failure a door can meet to a clear problem+json answer. */
@Factory
class ProblemHandlers {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemHandlers.class);

    /** The status and body for a failure, unwrapping what Axon wraps. */
    static HttpResponse<Problem> problemFor(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof AccessLogUnavailableException) {
            // no data leaves a door without its access record; the request failed as a whole
            LOG.error("access log unavailable", cause);
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable",
                    "the request could not be recorded in the access log; nothing was returned or changed", null);
        }
        if (cause instanceof AccessDeniedException denied) {
            Decision decision = denied.decision();
            return decision.outcome() == Decision.Outcome.NOT_FOUND
                    ? Problem.notFound()
                    : Problem.response(HttpStatus.FORBIDDEN, "access-denied", decision.reason(), decision.rule());
        }
        if (cause instanceof RecordNotFoundException || cause instanceof AggregateNotFoundException) {
            return Problem.notFound();
        }
        if (cause instanceof InvalidCommandException) {
            return Problem.response(HttpStatus.BAD_REQUEST, "invalid-input", cause.getMessage(), null);
        }
        if (cause instanceof JsonProcessingException json) {
            return Problem.response(HttpStatus.BAD_REQUEST, "invalid-json", json.getOriginalMessage(), null);
        }
        if (cause instanceof IdempotencyConflictException) {
            return Problem.response(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", cause.getMessage(), null);
        }
        if (cause instanceof IllegalTransitionException) {
            return Problem.response(HttpStatus.CONFLICT, "illegal-transition", cause.getMessage(), null);
        }
        if (cause instanceof ConflictingModificationException || cause instanceof ConcurrencyException) {
            return Problem.response(HttpStatus.CONFLICT, "version-conflict",
                    "the record changed since the version you expected; read it again and retry", null);
        }
        if (cause instanceof EventStoreException && isDuplicateKey(cause)) {
            return Problem.response(HttpStatus.CONFLICT, "version-conflict", "a concurrent change won; read the record again and retry", null);
        }
        return null;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (true) {
            if (current instanceof CommandExecutionException execution && execution.getCause() != null) {
                current = execution.getCause();
            } else if (current instanceof java.util.concurrent.CompletionException && current.getCause() != null) {
                current = current.getCause();
            } else if (current instanceof java.util.concurrent.ExecutionException && current.getCause() != null) {
                current = current.getCause();
            } else {
                return current;
            }
        }
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Singleton
    ExceptionHandler<AccessDeniedException, HttpResponse<?>> accessDenied(UnrecordedRefusals refusals) {
        return (HttpRequest request, AccessDeniedException e) -> recorded(refusals, request, e);
    }

    /**
     * Every other failure, ours (invalid input, not found, illegal transition, idempotency conflict,
     * access log unavailable) and Axon's (version conflicts), is answered by {@link #problemFor}; anything
     * it does not know: 500 with a body that says nothing of the failure (exception messages can carry
     * values, such as a database's "Key (x)=(…)"); the cause goes to the log. Micronaut's own, more
     * specific handlers (bad arguments, authentication) still apply.
     */
    @Singleton
    ExceptionHandler<RuntimeException, HttpResponse<?>> unexpected() {
        return (HttpRequest request, RuntimeException e) -> orServerError(problemFor(e), e);
    }

    @Singleton
    ExceptionHandler<JsonProcessingException, HttpResponse<?>> json() {
        return (HttpRequest request, JsonProcessingException e) -> problemFor(e);
    }

    @Singleton
    ExceptionHandler<CommandExecutionException, HttpResponse<?>> commandExecution(UnrecordedRefusals refusals) {
        return (HttpRequest request, CommandExecutionException e) -> recorded(refusals, request, e);
    }

    /** A refusal's answer, once it is in the access log (if its door did not record it, here; if that fails, 503). */
    private static HttpResponse<Problem> recorded(UnrecordedRefusals refusals, HttpRequest<?> request, Throwable failure) {
        try {
            refusals.record(request, unwrap(failure));
        } catch (AccessLogUnavailableException e) {
            return problemFor(e);
        }
        return orServerError(problemFor(failure), failure);
    }

    private static HttpResponse<Problem> orServerError(HttpResponse<Problem> mapped, Throwable failure) {
        if (mapped != null) {
            return mapped;
        }
        LOG.error("request failed", failure);
        return Problem.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the request failed; nothing was changed", null);
    }
}
