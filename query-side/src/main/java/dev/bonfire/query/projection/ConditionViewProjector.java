package dev.bonfire.query.projection;

import static dev.bonfire.query.projection.DomainViews.all;
import static dev.bonfire.query.projection.DomainViews.lower;
import static dev.bonfire.query.projection.DomainViews.text;
import static dev.bonfire.query.projection.DomainViews.upper;
import static dev.bonfire.query.schema.Tables.CONDITION_VIEW;

import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.condition.ConditionClinicalStatusChanged;
import dev.bonfire.domain.condition.ConditionMarkedEnteredInError;
import dev.bonfire.domain.condition.ConditionRecorded;
import dev.bonfire.query.projection.ViewWriter.Keys;
import dev.bonfire.query.projection.ViewWriter.Row;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Projects every condition event into {@code condition_view}: {@link ConditionRecorded},
 * {@link ConditionClinicalStatusChanged}, {@link ConditionMarkedEnteredInError} (verification status
 * {@code entered-in-error}; the row stays, flagged).
 */
@Singleton
@ProcessingGroup(ReadModels.GROUP)
public class ConditionViewProjector {

    private static final Keys KEYS = new Keys(CONDITION_VIEW.TENANT_ID, CONDITION_VIEW.ID, CONDITION_VIEW.VERSION,
            CONDITION_VIEW.LAST_EVENT_POSITION);

    static final String ENTERED_IN_ERROR = "entered-in-error";

    private final ViewWriter writer;

    public ConditionViewProjector(ConnectionProvider connections) {
        this.writer = new ViewWriter(new TenantConnections(connections));
    }

    @EventHandler
    void on(ConditionRecorded e, EventMessage<?> message) {
        Coding first = DomainViews.firstCoding(e.code());
        Row row = new Row()
                .put(CONDITION_VIEW.PATIENT_ID, e.patientId())
                .put(CONDITION_VIEW.ENCOUNTER_ID, e.encounterId())
                .put(CONDITION_VIEW.CLINICAL_STATUS, e.clinicalStatus())
                .put(CONDITION_VIEW.VERIFICATION_STATUS, e.verificationStatus())
                .put(CONDITION_VIEW.CATEGORIES, ViewJson.write(all(e.categories(), DomainViews::concept)))
                .put(CONDITION_VIEW.CODE_SYSTEM, first == null ? null : first.system())
                .put(CONDITION_VIEW.CODE, first == null ? null : first.code())
                .put(CONDITION_VIEW.CODE_DISPLAY, first == null ? null : first.display())
                .put(CONDITION_VIEW.CODE_CONCEPT, ViewJson.write(DomainViews.concept(e.code())))
                .put(CONDITION_VIEW.ONSET, text(e.onset()))
                .put(CONDITION_VIEW.ONSET_LOWER, lower(e.onset()))
                .put(CONDITION_VIEW.ONSET_UPPER, upper(e.onset()))
                .put(CONDITION_VIEW.ABATEMENT, text(e.abatement()))
                .put(CONDITION_VIEW.ABATEMENT_LOWER, lower(e.abatement()))
                .put(CONDITION_VIEW.ABATEMENT_UPPER, upper(e.abatement()))
                .put(CONDITION_VIEW.RECORDED_DATE, text(e.recordedDate()))
                .put(CONDITION_VIEW.ENTERED_IN_ERROR, false)
                .put(CONDITION_VIEW.ENTERED_IN_ERROR_REASON, null);
        writer.upsert(EventContext.of(message), CONDITION_VIEW, KEYS, e.conditionId(), row);
    }

    @EventHandler
    void on(ConditionClinicalStatusChanged e, EventMessage<?> message) {
        Row row = new Row()
                .put(CONDITION_VIEW.CLINICAL_STATUS, e.clinicalStatus())
                .put(CONDITION_VIEW.ABATEMENT, text(e.abatement()))
                .put(CONDITION_VIEW.ABATEMENT_LOWER, lower(e.abatement()))
                .put(CONDITION_VIEW.ABATEMENT_UPPER, upper(e.abatement()));
        writer.update(EventContext.of(message), CONDITION_VIEW, KEYS, e.conditionId(), row);
    }

    @EventHandler
    void on(ConditionMarkedEnteredInError e, EventMessage<?> message) {
        Row row = new Row()
                .put(CONDITION_VIEW.VERIFICATION_STATUS, ENTERED_IN_ERROR)
                .put(CONDITION_VIEW.ENTERED_IN_ERROR, true)
                .put(CONDITION_VIEW.ENTERED_IN_ERROR_REASON, e.reason());
        writer.update(EventContext.of(message), CONDITION_VIEW, KEYS, e.conditionId(), row);
    }

    /** A replay from scratch starts from an empty table. */
    @ResetHandler
    void onReset() {
        writer.truncate(CONDITION_VIEW);
    }
}
