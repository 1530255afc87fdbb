package dev.bonfire.query.projection;

import static dev.bonfire.query.projection.DomainViews.all;
import static dev.bonfire.query.projection.DomainViews.lower;
import static dev.bonfire.query.projection.DomainViews.text;
import static dev.bonfire.query.projection.DomainViews.upper;
import static dev.bonfire.query.schema.Tables.PATIENT_VIEW;

import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.patient.DeathRecorded;
import dev.bonfire.domain.patient.Demographics;
import dev.bonfire.domain.patient.DemographicsChanged;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.query.projection.ViewWriter.Keys;
import dev.bonfire.query.projection.ViewWriter.Row;
import dev.bonfire.query.support.TenantConnections;
import dev.bonfire.query.support.ViewJson;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Projects every patient event into {@code patient_view}: {@link PatientRegistered},
 * {@link DemographicsChanged}, {@link DeathRecorded}.
 */
@Singleton
@ProcessingGroup(ReadModels.GROUP)
public class PatientViewProjector {

    private static final Keys KEYS = new Keys(PATIENT_VIEW.TENANT_ID, PATIENT_VIEW.ID, PATIENT_VIEW.VERSION,
            PATIENT_VIEW.LAST_EVENT_POSITION);

    private final ViewWriter writer;

    public PatientViewProjector(ConnectionProvider connections) {
        this.writer = new ViewWriter(new TenantConnections(connections));
    }

    @EventHandler
    void on(PatientRegistered e, EventMessage<?> message) {
        Row row = demographics(e.demographics())
                .put(PATIENT_VIEW.DECEASED, false)
                .put(PATIENT_VIEW.DECEASED_AT, null)
                .put(PATIENT_VIEW.DECEASED_AT_LOWER, null)
                .put(PATIENT_VIEW.DECEASED_AT_UPPER, null);
        writer.upsert(EventContext.of(message), PATIENT_VIEW, KEYS, e.patientId(), row);
    }

    @EventHandler
    void on(DemographicsChanged e, EventMessage<?> message) {
        writer.update(EventContext.of(message), PATIENT_VIEW, KEYS, e.patientId(), demographics(e.demographics()));
    }

    @EventHandler
    void on(DeathRecorded e, EventMessage<?> message) {
        Row row = new Row()
                .put(PATIENT_VIEW.DECEASED, true)
                .put(PATIENT_VIEW.DECEASED_AT, text(e.deceasedAt()))
                .put(PATIENT_VIEW.DECEASED_AT_LOWER, lower(e.deceasedAt()))
                .put(PATIENT_VIEW.DECEASED_AT_UPPER, upper(e.deceasedAt()));
        writer.update(EventContext.of(message), PATIENT_VIEW, KEYS, e.patientId(), row);
    }

    /** A replay from scratch starts from an empty table. */
    @ResetHandler
    void onReset() {
        writer.truncate(PATIENT_VIEW);
    }

    private static Row demographics(Demographics d) {
        HumanName main = d.names().stream().filter(n -> "official".equals(n.use())).findFirst().orElse(d.names().get(0));
        return new Row()
                .put(PATIENT_VIEW.NAMES, ViewJson.write(all(d.names(), DomainViews::name)))
                .put(PATIENT_VIEW.FAMILY, main.family())
                .put(PATIENT_VIEW.GIVEN, main.given().isEmpty() ? null : String.join(" ", main.given()))
                .put(PATIENT_VIEW.NAME_SEARCH, nameSearch(d.names()))
                .put(PATIENT_VIEW.GENDER, d.gender())
                .put(PATIENT_VIEW.BIRTH_DATE, text(d.birthDate()))
                .put(PATIENT_VIEW.BIRTH_DATE_LOWER, lower(d.birthDate()))
                .put(PATIENT_VIEW.BIRTH_DATE_UPPER, upper(d.birthDate()))
                .put(PATIENT_VIEW.IDENTIFIERS, ViewJson.write(all(d.identifiers(), DomainViews::identifier)))
                .put(PATIENT_VIEW.ADDRESSES, ViewJson.write(all(d.addresses(), DomainViews::address)))
                .put(PATIENT_VIEW.TELECOM, ViewJson.write(all(d.telecom(), DomainViews::contactPoint)))
                .put(PATIENT_VIEW.MARITAL_STATUS, d.maritalStatus());
    }

    /** Every name as "given… family text", names separated by " / ", for the "name contains" filter. */
    private static String nameSearch(List<HumanName> names) {
        List<String> lines = new ArrayList<>();
        for (HumanName n : names) {
            List<String> parts = new ArrayList<>(n.given());
            if (n.family() != null) {
                parts.add(n.family());
            }
            if (n.text() != null) {
                parts.add(n.text());
            }
            lines.add(String.join(" ", parts));
        }
        return String.join(" / ", lines);
    }
}
