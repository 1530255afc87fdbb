package dev.bonfire.query.projection;

import dev.bonfire.query.support.TenantConnections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * The only way projectors write: every statement runs on the transaction's connection with the event's
 * tenant bound (row-level security checks every written row), uses bind values only, and applies an
 * event only where the row's {@code last_event_position} is below the event's position.
 */
final class ViewWriter {

    private final TenantConnections connections;

    ViewWriter(TenantConnections connections) {
        this.connections = connections;
    }

    /** Column values of one row; a {@code null} value is written as SQL null (it clears the column). */
    static final class Row {
        private final Map<Field<?>, Object> values = new LinkedHashMap<>();

        <T> Row put(Field<T> field, T value) {
            values.put(field, value);
            return this;
        }
    }

    /** The columns every view has. */
    record Keys(TableField<?, String> tenant, TableField<?, String> id, TableField<?, Long> version,
                TableField<?, Long> lastEventPosition) {
    }

    /**
     * Inserts the row of a record-creating event, or, when the row exists, replaces it only if the row
     * was last written by an earlier event (so a redelivered creation changes nothing).
     */
    void upsert(EventContext at, Table<?> table, Keys keys, String id, Row row) {
        row.put(keys.tenant(), at.tenant()).put(keys.id(), id).put(keys.version(), at.version())
                .put(keys.lastEventPosition(), at.position());
        connections.apply(at.tenant(), dsl -> dsl.insertInto(table)
                .set(row.values)
                .onConflict(keys.tenant(), keys.id())
                .doUpdate()
                .set(row.values)
                .where(keys.lastEventPosition().lt(at.position()))
                .execute());
    }

    /**
     * Changes the named columns of an existing row, unless the row already holds this event or a later
     * one. A missing row (its creation not yet projected, which per-aggregate ordering rules out) is
     * left alone. Returns the number of rows changed (0 or 1).
     */
    int update(EventContext at, Table<?> table, Keys keys, String id, Row row) {
        row.put(keys.version(), at.version()).put(keys.lastEventPosition(), at.position());
        return connections.apply(at.tenant(), dsl -> dsl.update(table)
                .set(row.values)
                .where(keys.tenant().eq(at.tenant()))
                .and(keys.id().eq(id))
                .and(keys.lastEventPosition().lt(at.position()))
                .execute());
    }

    /**
     * Empties a view before a replay from scratch. TRUNCATE is not subject to row-level security, so
     * it empties every tenant's rows, which is what a reset of the whole processor means.
     */
    void truncate(Table<?> table) {
        connections.applyUnbound(dsl -> dsl.truncate(table).execute());
    }
}
