package dev.bonfire.query.projection;

import dev.bonfire.domain.common.MetadataKeys;
import java.util.OptionalLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * What a projector needs from an event's envelope.
 *
 * <p>Idempotency uses the event's <em>global</em> position, taken from its tracking token
 * ({@code GapAwareTrackingToken} from the JDBC event store, {@code GlobalSequenceTrackingToken}
 * elsewhere, unwrapped from a {@code ReplayToken} during a replay): every row stores the position of the
 * last event applied to it and an event at or below it is skipped. The global position (not the
 * aggregate sequence number) is used because it is one order for all aggregates, so a row that one day
 * combines events of several aggregates stays correct; the sequence number is kept as the row's
 * {@code version}. An untracked event (a subscribing processor) or one without a tenant is refused loudly
 * rather than skipped silently.
 *
 * @param tenant   the tenant from the event's metadata
 * @param position the global position in the event log
 * @param version  the aggregate sequence number, or {@code null} for a non-domain event
 */
record EventContext(String tenant, long position, Long version) {

    static EventContext of(EventMessage<?> message) {
        Object tenant = message.getMetaData().get(MetadataKeys.TENANT);
        if (tenant == null || tenant.toString().isBlank()) {
            throw new IllegalStateException("event " + message.getIdentifier() + " (" + message.getPayloadType().getSimpleName()
                    + ") carries no tenant in its metadata");
        }
        if (!(message instanceof TrackedEventMessage<?> tracked) || tracked.trackingToken() == null) {
            throw new IllegalStateException("the read models need tracked events: register processing group '"
                    + ReadModels.GROUP + "' as a tracking or pooled streaming processor");
        }
        OptionalLong position = tracked.trackingToken().position();
        if (position.isEmpty()) {
            throw new IllegalStateException("tracking token " + tracked.trackingToken() + " has no position");
        }
        Long version = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new EventContext(tenant.toString(), position.getAsLong(), version);
    }
}
