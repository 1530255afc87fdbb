package dev.bonfire.query.projection;

import static dev.bonfire.query.projection.DomainViews.all;
import static dev.bonfire.query.projection.DomainViews.lower;
import static dev.bonfire.query.projection.DomainViews.text;
import static dev.bonfire.query.projection.DomainViews.upper;
import static dev.bonfire.query.schema.Tables.ENCOUNTER_VIEW;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.encounter.EncounterRecorded;
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

/** Projects every encounter event into {@code encounter_view}: {@link EncounterRecorded}. */
@Singleton
@ProcessingGroup(ReadModels.GROUP)
public class EncounterViewProjector {

    private static final Keys KEYS = new Keys(ENCOUNTER_VIEW.TENANT_ID, ENCOUNTER_VIEW.ID, ENCOUNTER_VIEW.VERSION,
            ENCOUNTER_VIEW.LAST_EVENT_POSITION);

    private final ViewWriter writer;

    public EncounterViewProjector(ConnectionProvider connections) {
        this.writer = new ViewWriter(new TenantConnections(connections));
    }

    @EventHandler
    void on(EncounterRecorded e, EventMessage<?> message) {
        Coding encounterClass = e.encounterClass();
        ClinicalDateTime start = e.period() == null ? null : e.period().start();
        ClinicalDateTime end = e.period() == null ? null : e.period().end();
        Row row = new Row()
                .put(ENCOUNTER_VIEW.PATIENT_ID, e.patientId())
                .put(ENCOUNTER_VIEW.STATUS, e.status())
                .put(ENCOUNTER_VIEW.CLASS_SYSTEM, encounterClass == null ? null : encounterClass.system())
                .put(ENCOUNTER_VIEW.CLASS_CODE, encounterClass == null ? null : encounterClass.code())
                .put(ENCOUNTER_VIEW.CLASS_DISPLAY, encounterClass == null ? null : encounterClass.display())
                .put(ENCOUNTER_VIEW.TYPES, ViewJson.write(all(e.types(), DomainViews::concept)))
                .put(ENCOUNTER_VIEW.PERIOD_START, text(start))
                .put(ENCOUNTER_VIEW.PERIOD_START_LOWER, lower(start))
                .put(ENCOUNTER_VIEW.PERIOD_START_UPPER, upper(start))
                .put(ENCOUNTER_VIEW.PERIOD_END, text(end))
                .put(ENCOUNTER_VIEW.PERIOD_END_LOWER, lower(end))
                .put(ENCOUNTER_VIEW.PERIOD_END_UPPER, upper(end))
                .put(ENCOUNTER_VIEW.REASONS, ViewJson.write(all(e.reasons(), DomainViews::concept)))
                .put(ENCOUNTER_VIEW.PARTICIPANTS, ViewJson.write(all(e.participants(), DomainViews::reference)))
                .put(ENCOUNTER_VIEW.SERVICE_PROVIDER, ViewJson.write(DomainViews.reference(e.serviceProvider())))
                .put(ENCOUNTER_VIEW.LOCATION, ViewJson.write(DomainViews.reference(e.location())));
        writer.upsert(EventContext.of(message), ENCOUNTER_VIEW, KEYS, e.encounterId(), row);
    }

    /** A replay from scratch starts from an empty table. */
    @ResetHandler
    void onReset() {
        writer.truncate(ENCOUNTER_VIEW);
    }
}
