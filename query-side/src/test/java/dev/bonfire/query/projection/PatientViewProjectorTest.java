package dev.bonfire.query.projection;

import static dev.bonfire.query.schema.Tables.PATIENT_VIEW;
import static dev.bonfire.query.testing.Samples.date;
import static dev.bonfire.query.testing.Samples.demographics;
import static dev.bonfire.query.testing.Samples.patient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.patient.DeathRecorded;
import dev.bonfire.domain.patient.DemographicsChanged;
import dev.bonfire.query.schema.tables.records.PatientViewRecord;
import dev.bonfire.query.testing.ReadModelFixture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientViewProjectorTest {

    private static final String TENANT = "tenant-a";

    private ReadModelFixture fixture;

    @BeforeEach
    void start() {
        fixture = ReadModelFixture.start();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private PatientViewRecord row(String id) {
        return fixture.inTenant(TENANT, dsl -> dsl.selectFrom(PATIENT_VIEW).where(PATIENT_VIEW.ID.eq(id)).fetchOne());
    }

    @Test
    void patientRegistered_isProjectedFieldByField_withThePartialBirthDateKeptPartial() {
        fixture.record(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));

        PatientViewRecord row = row("pat-1");
        assertThat(row.getTenantId()).isEqualTo(TENANT);
        assertThat(row.getFamily()).isEqualTo("Smith");
        assertThat(row.getGiven()).isEqualTo("Ann");
        assertThat(row.getNameSearch()).isEqualTo("Ann Smith / A.");
        assertThat(row.getGender()).isEqualTo("female");
        assertThat(row.getBirthDate()).isEqualTo("1980-07");
        assertThat(row.getBirthDateLower()).isEqualTo(OffsetDateTime.of(1980, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.getBirthDateUpper()).isEqualTo(OffsetDateTime.of(1980, 8, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.getDeceased()).isFalse();
        assertThat(row.getDeceasedAt()).isNull();
        assertThat(row.getNames().data()).contains("\"use\": \"official\"", "\"family\": \"Smith\"", "\"given\": [\"Ann\"]");
        assertThat(row.getIdentifiers().data()).contains("\"value\": \"MRN-Smith\"");
        assertThat(row.getAddresses().data()).contains("\"lines\": [\"1 Main St\", \"Apt 2\"]", "\"postalCode\": \"62701\"");
        assertThat(row.getTelecom().data()).contains("\"value\": \"+1 555 0100\"");
        assertThat(row.getMaritalStatus()).isEqualTo("M");
        assertThat(row.getVersion()).isZero();
        assertThat(row.getLastEventPosition()).isEqualTo(1L);
    }

    @Test
    void demographicsChanged_replacesEveryDemographicColumn_includingClearingTheBirthDate() {
        fixture.record(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07"));

        fixture.record(TENANT, "pat-1", new DemographicsChanged("pat-1", demographics("Jones", "Ann", null)));

        PatientViewRecord row = row("pat-1");
        assertThat(row.getFamily()).isEqualTo("Jones");
        assertThat(row.getBirthDate()).isNull();
        assertThat(row.getBirthDateLower()).isNull();
        assertThat(row.getVersion()).isEqualTo(1L);
        assertThat(row.getLastEventPosition()).isEqualTo(2L);
    }

    @Test
    void deathRecorded_keepsTheTimeWithItsOffset() {
        fixture.record(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980-07-14"));

        fixture.record(TENANT, "pat-1", new DeathRecorded("pat-1", date("2024-03-01T23:30:00-05:00")));

        PatientViewRecord row = row("pat-1");
        assertThat(row.getDeceased()).isTrue();
        assertThat(row.getDeceasedAt()).isEqualTo("2024-03-01T23:30:00-05:00");
        assertThat(row.getDeceasedAtLower().toInstant()).isEqualTo(OffsetDateTime.parse("2024-03-02T04:30:00Z").toInstant());
        assertThat(row.getBirthDate()).isEqualTo("1980-07-14");
    }

    @Test
    void deathRecorded_withoutADate_marksTheFactOnly() {
        fixture.record(TENANT, "pat-1", patient("pat-1", "Smith", "Ann", "1980"));

        fixture.record(TENANT, "pat-1", new DeathRecorded("pat-1", null));

        assertThat(row("pat-1").getDeceased()).isTrue();
        assertThat(row("pat-1").getDeceasedAt()).isNull();
    }
}
