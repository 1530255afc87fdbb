package dev.bonfire.query.projection;

import static dev.bonfire.query.schema.Tables.CONDITION_VIEW;
import static dev.bonfire.query.schema.Tables.ENCOUNTER_VIEW;
import static dev.bonfire.query.testing.Samples.condition;
import static dev.bonfire.query.testing.Samples.date;
import static dev.bonfire.query.testing.Samples.encounter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.condition.ConditionClinicalStatusChanged;
import dev.bonfire.domain.condition.ConditionMarkedEnteredInError;
import dev.bonfire.query.schema.tables.records.ConditionViewRecord;
import dev.bonfire.query.schema.tables.records.EncounterViewRecord;
import dev.bonfire.query.testing.ReadModelFixture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EncounterAndConditionProjectorTest {

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

    @Test
    void encounterRecorded_isProjectedFieldByField_withItsPeriodAsWritten() {
        fixture.record(TENANT, "enc-1", encounter("enc-1", "pat-1", "2024-03-05T09:00:00+01:00", "2024-03-05"));

        EncounterViewRecord row = fixture.inTenant(TENANT, dsl -> dsl.selectFrom(ENCOUNTER_VIEW).fetchOne());
        assertThat(row.getId()).isEqualTo("enc-1");
        assertThat(row.getPatientId()).isEqualTo("pat-1");
        assertThat(row.getStatus()).isEqualTo("finished");
        assertThat(row.getClassSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(row.getClassCode()).isEqualTo("AMB");
        assertThat(row.getClassDisplay()).isEqualTo("ambulatory");
        assertThat(row.getPeriodStart()).isEqualTo("2024-03-05T09:00:00+01:00");
        assertThat(row.getPeriodStartLower().toInstant()).isEqualTo(OffsetDateTime.parse("2024-03-05T08:00:00Z").toInstant());
        assertThat(row.getPeriodEnd()).isEqualTo("2024-03-05");
        assertThat(row.getPeriodEndUpper()).isEqualTo(OffsetDateTime.of(2024, 3, 6, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.getTypes().data()).contains("\"code\": \"185349003\"");
        assertThat(row.getReasons().data()).contains("\"text\": \"annual check\"");
        assertThat(row.getParticipants().data()).contains("\"id\": \"pr-1\"", "\"value\": \"1234567893\"", "\"display\": \"Dr. Who\"");
        assertThat(row.getServiceProvider().data()).contains("\"type\": \"Organization\"", "\"id\": \"org-1\"");
        assertThat(row.getLocation()).isNull();
        assertThat(row.getLastEventPosition()).isEqualTo(1L);
    }

    @Test
    void conditionRecorded_thenResolved_thenEnteredInError_keepsEveryDateAsWritten() {
        fixture.record(TENANT, "cond-1", condition("cond-1", "pat-1", "44054006", "2019"));
        ConditionViewRecord recorded = fixture.inTenant(TENANT, dsl -> dsl.selectFrom(CONDITION_VIEW).fetchOne());
        assertThat(recorded.getClinicalStatus()).isEqualTo("active");
        assertThat(recorded.getVerificationStatus()).isEqualTo("confirmed");
        assertThat(recorded.getCode()).isEqualTo("44054006");
        assertThat(recorded.getCodeSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(recorded.getOnset()).isEqualTo("2019");
        assertThat(recorded.getOnsetLower()).isEqualTo(OffsetDateTime.of(2019, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(recorded.getOnsetUpper()).isEqualTo(OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(recorded.getRecordedDate()).isEqualTo("2024-01-10");

        fixture.record(TENANT, "cond-1", new ConditionClinicalStatusChanged("cond-1", "pat-1", "resolved", date("2024-02")));
        ConditionViewRecord resolved = fixture.inTenant(TENANT, dsl -> dsl.selectFrom(CONDITION_VIEW).fetchOne());
        assertThat(resolved.getClinicalStatus()).isEqualTo("resolved");
        assertThat(resolved.getAbatement()).isEqualTo("2024-02");
        assertThat(resolved.getAbatementUpper()).isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));

        fixture.record(TENANT, "cond-1", new ConditionMarkedEnteredInError("cond-1", "pat-1", "duplicate"));
        ConditionViewRecord withdrawn = fixture.inTenant(TENANT, dsl -> dsl.selectFrom(CONDITION_VIEW).fetchOne());
        assertThat(withdrawn.getVerificationStatus()).isEqualTo("entered-in-error");
        assertThat(withdrawn.getEnteredInError()).isTrue();
        assertThat(withdrawn.getEnteredInErrorReason()).isEqualTo("duplicate");
        assertThat(withdrawn.getClinicalStatus()).isEqualTo("resolved");
        assertThat(withdrawn.getVersion()).isEqualTo(2L);
        assertThat(withdrawn.getLastEventPosition()).isEqualTo(3L);
    }
}
