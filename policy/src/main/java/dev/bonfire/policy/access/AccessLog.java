package dev.bonfire.policy.access;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.event.AccessRecorded;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Appends {@link AccessRecorded} events to the event log, with the caller and the correlation id in
 * the metadata like every event. Two ways:
 * <ul>
 *   <li>{@link #record}: in the current transaction (or, inside a command's unit of work, with the
 *       command's events): it commits with the read or the write it describes, or not at all;</li>
 *   <li>{@link #recordOnItsOwn}: in a transaction of its own that commits before this returns, for
 *       denied writes, whose own transaction rolls back.</li>
 * </ul>
 * Either way a failure to append is an {@link AccessLogUnavailableException}: the door fails and
 * returns nothing.
 */
public final class AccessLog {

    /** Metadata key a command may carry to name the door it came through (set by the HTTP command door). */
    public static final String DOOR = "door";
    /** Metadata value of {@link MetadataKeys#SOURCE} on access records. */
    public static final String SOURCE = "gate";

    private final EventBus events;
    private final ThreadBoundTransactions transactions;
    private final Clock clock;

    public AccessLog(EventBus events, ThreadBoundTransactions transactions, Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Appends the record in the current transaction, or stages it in the current unit of work. Outside
     * both, it is appended and committed at once.
     */
    public void record(Caller caller, String correlationId, AccessRecorded record) {
        EventMessage<AccessRecorded> message = message(caller, correlationId, record);
        try {
            if (CurrentUnitOfWork.isStarted() || transactions.inTransaction()) {
                events.publish(message);
            } else {
                transactions.executeInTransaction(() -> events.publish(message));
            }
        } catch (RuntimeException e) {
            throw new AccessLogUnavailableException(e);
        }
    }

    /**
     * Appends the record in a transaction of its own that has committed when this returns, whatever
     * becomes of the current transaction and unit of work (both are set aside meanwhile, and current
     * again afterwards).
     */
    public void recordOnItsOwn(Caller caller, String correlationId, AccessRecorded record) {
        EventMessage<AccessRecorded> message = message(caller, correlationId, record);
        Deque<UnitOfWork<?>> suspended = new ArrayDeque<>();
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(unitOfWork);
            suspended.push(unitOfWork);
        }
        try {
            transactions.requiresNew(() -> {
                events.publish(message);
                return null;
            });
        } catch (RuntimeException e) {
            throw new AccessLogUnavailableException(e);
        } finally {
            while (!suspended.isEmpty()) {
                CurrentUnitOfWork.set(suspended.pop());
            }
        }
    }

    private EventMessage<AccessRecorded> message(Caller caller, String correlationId, AccessRecorded record) {
        Map<String, Object> metaData = new HashMap<>();
        if (caller != null) {
            put(metaData, MetadataKeys.TENANT, caller.tenantId());
            put(metaData, MetadataKeys.ACTOR_ID, caller.actorId());
            put(metaData, MetadataKeys.ACTOR_ROLE, caller.role());
            put(metaData, MetadataKeys.PURPOSE, caller.purpose());
            put(metaData, MetadataKeys.VIA, caller.via());
        }
        put(metaData, MetadataKeys.CORRELATION_ID, correlationId);
        put(metaData, MetadataKeys.SOURCE, SOURCE);
        put(metaData, MetadataKeys.TIME, clock.instant().toString());
        return GenericEventMessage.<AccessRecorded>asEventMessage(record).andMetaData(metaData);
    }

    private static void put(Map<String, Object> metaData, String key, String value) {
        if (value != null && !value.isBlank()) {
            metaData.put(key, value);
        }
    }
}
