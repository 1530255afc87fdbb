package dev.bonfire.query.projection;

import static dev.bonfire.query.projection.DomainViews.all;
import static dev.bonfire.query.projection.DomainViews.lower;
import static dev.bonfire.query.projection.DomainViews.text;
import static dev.bonfire.query.projection.DomainViews.upper;
import static dev.bonfire.query.schema.Tables.OBSERVATION_VIEW;

import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.observation.ObservationAmended;
import dev.bonfire.domain.observation.ObservationComponent;
import dev.bonfire.domain.observation.ObservationMarkedEnteredInError;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.query.projection.ViewWriter.Keys;
import dev.bonfire.query.projection.ViewWriter.Row;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Projects every observation event into {@code observation_view}: {@link ObservationRecorded},
 * {@link ObservationAmended} (new result, status {@code amended}), {@link ObservationMarkedEnteredInError}
 * (status {@code entered-in-error}; the row stays, flagged).
 */
@Singleton
@ProcessingGroup(ReadModels.GROUP)
public class ObservationViewProjector {

    private static final Keys KEYS = new Keys(OBSERVATION_VIEW.TENANT_ID, OBSERVATION_VIEW.ID, OBSERVATION_VIEW.VERSION,
            OBSERVATION_VIEW.LAST_EVENT_POSITION);

    static final String AMENDED = "amended";
    static final String ENTERED_IN_ERROR = "entered-in-error";

    private final ViewWriter writer;

    public ObservationViewProjector(ConnectionProvider connections) {
        this.writer = new ViewWriter(new TenantConnections(connections));
    }

    @EventHandler
    void on(ObservationRecorded e, EventMessage<?> message) {
        Coding first = DomainViews.firstCoding(e.code());
        Row row = result(e.value(), e.components())
                .put(OBSERVATION_VIEW.PATIENT_ID, e.patientId())
                .put(OBSERVATION_VIEW.ENCOUNTER_ID, e.encounterId())
                .put(OBSERVATION_VIEW.STATUS, e.status())
                .put(OBSERVATION_VIEW.CATEGORIES, ViewJson.write(all(e.categories(), DomainViews::concept)))
                .put(OBSERVATION_VIEW.CODE_SYSTEM, first == null ? null : first.system())
                .put(OBSERVATION_VIEW.CODE, first == null ? null : first.code())
                .put(OBSERVATION_VIEW.CODE_DISPLAY, first == null ? null : first.display())
                .put(OBSERVATION_VIEW.CODE_CONCEPT, ViewJson.write(DomainViews.concept(e.code())))
                .put(OBSERVATION_VIEW.EFFECTIVE, text(e.effective()))
                .put(OBSERVATION_VIEW.EFFECTIVE_LOWER, lower(e.effective()))
                .put(OBSERVATION_VIEW.EFFECTIVE_UPPER, upper(e.effective()))
                .put(OBSERVATION_VIEW.ISSUED, text(e.issued()))
                .put(OBSERVATION_VIEW.AMENDED, false)
                .put(OBSERVATION_VIEW.AMENDMENT_REASON, null)
                .put(OBSERVATION_VIEW.ENTERED_IN_ERROR, false)
                .put(OBSERVATION_VIEW.ENTERED_IN_ERROR_REASON, null);
        writer.upsert(EventContext.of(message), OBSERVATION_VIEW, KEYS, e.observationId(), row);
    }

    @EventHandler
    void on(ObservationAmended e, EventMessage<?> message) {
        Row row = result(e.value(), e.components())
                .put(OBSERVATION_VIEW.STATUS, AMENDED)
                .put(OBSERVATION_VIEW.AMENDED, true)
                .put(OBSERVATION_VIEW.AMENDMENT_REASON, e.reason());
        writer.update(EventContext.of(message), OBSERVATION_VIEW, KEYS, e.observationId(), row);
    }

    @EventHandler
    void on(ObservationMarkedEnteredInError e, EventMessage<?> message) {
        Row row = new Row()
                .put(OBSERVATION_VIEW.STATUS, ENTERED_IN_ERROR)
                .put(OBSERVATION_VIEW.ENTERED_IN_ERROR, true)
                .put(OBSERVATION_VIEW.ENTERED_IN_ERROR_REASON, e.reason());
        writer.update(EventContext.of(message), OBSERVATION_VIEW, KEYS, e.observationId(), row);
    }

    /** A replay from scratch starts from an empty table. */
    @ResetHandler
    void onReset() {
        writer.truncate(OBSERVATION_VIEW);
    }

    /** Every value column (all of them, so a new result clears the old one's parts) and the components. */
    private static Row result(ObservationValue value, List<ObservationComponent> components) {
        Quantity quantity = value == null ? null : value.quantity();
        return new Row()
                .put(OBSERVATION_VIEW.VALUE_QUANTITY, quantity == null ? null : quantity.value())
                .put(OBSERVATION_VIEW.VALUE_COMPARATOR, quantity == null ? null : quantity.comparator())
                .put(OBSERVATION_VIEW.VALUE_UNIT, quantity == null ? null : quantity.unit())
                .put(OBSERVATION_VIEW.VALUE_SYSTEM, quantity == null ? null : quantity.system())
                .put(OBSERVATION_VIEW.VALUE_CODE, quantity == null ? null : quantity.code())
                .put(OBSERVATION_VIEW.VALUE_CONCEPT, value == null ? null : ViewJson.write(DomainViews.concept(value.concept())))
                .put(OBSERVATION_VIEW.VALUE_TEXT, value == null ? null : value.text())
                .put(OBSERVATION_VIEW.VALUE_BOOLEAN, value == null ? null : value.bool())
                .put(OBSERVATION_VIEW.VALUE_INTEGER, value == null ? null : value.integer())
                .put(OBSERVATION_VIEW.VALUE_DATE_TIME, value == null ? null : text(value.dateTime()))
                .put(OBSERVATION_VIEW.COMPONENTS, ViewJson.write(all(components, DomainViews::component)));
    }
}
