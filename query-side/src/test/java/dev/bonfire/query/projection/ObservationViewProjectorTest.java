package dev.bonfire.query.projection;

import static dev.bonfire.query.schema.Tables.OBSERVATION_VIEW;
import static dev.bonfire.query.testing.Samples.bloodPressure;
import static dev.bonfire.query.testing.Samples.glucose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.observation.ObservationAmended;
import dev.bonfire.domain.observation.ObservationMarkedEnteredInError;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.query.schema.tables.records.ObservationViewRecord;
import dev.bonfire.query.testing.ReadModelFixture;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservationViewProjectorTest {

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

    private ObservationViewRecord row(String id) {
        return fixture.inTenant(TENANT, dsl -> dsl.selectFrom(OBSERVATION_VIEW).where(OBSERVATION_VIEW.ID.eq(id)).fetchOne());
    }

    @Test
    void observationRecorded_keeps1_50_asWritten_andThePartialEffective_andTheIssuedOffset() {
        fixture.record(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        ObservationViewRecord row = row("obs-1");
        assertThat(row.getValueQuantity()).isEqualTo(new BigDecimal("1.50")); // equals() compares the scale too
        assertThat(row.getValueQuantity().scale()).isEqualTo(2);
        assertThat(row.getValueUnit()).isEqualTo("mmol/L");
        assertThat(row.getValueSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(row.getValueCode()).isEqualTo("mmol/L");
        assertThat(row.getValueComparator()).isNull();
        assertThat(row.getEffective()).isEqualTo("2024-03");
        assertThat(row.getEffectiveLower()).isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.getEffectiveUpper()).isEqualTo(OffsetDateTime.of(2024, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(row.getIssued()).isEqualTo("2024-03-05T10:00:00+01:00");
        assertThat(row.getPatientId()).isEqualTo("pat-1");
        assertThat(row.getEncounterId()).isEqualTo("enc-1");
        assertThat(row.getStatus()).isEqualTo("final");
        assertThat(row.getCodeSystem()).isEqualTo("http://loinc.org");
        assertThat(row.getCode()).isEqualTo("15074-8");
        assertThat(row.getCodeDisplay()).isEqualTo("Glucose [Moles/volume] in Blood");
        assertThat(row.getCodeConcept().data()).contains("\"code\": \"GLU\"", "\"text\": \"Glucose\"");
        assertThat(row.getCategories().data()).contains("\"code\": \"laboratory\"");
        assertThat(row.getComponents().data()).isEqualTo("[]");
        assertThat(row.getAmended()).isFalse();
        assertThat(row.getEnteredInError()).isFalse();
        assertThat(row.getVersion()).isZero();
    }

    @Test
    void components_keepTheirDecimalsAsWrittenStrings() {
        fixture.record(TENANT, "obs-2", bloodPressure("obs-2", "pat-1", "2024-03-05T08:15:00+01:00"));

        ObservationViewRecord row = row("obs-2");
        assertThat(row.getComponents().data())
                .contains("\"value\": \"120.50\"", "\"value\": \"80.0\"", "\"comparator\": \"<\"", "\"code\": \"8480-6\"");
        assertThat(row.getValueQuantity()).isNull();
        assertThat(row.getEffective()).isEqualTo("2024-03-05T08:15:00+01:00");
        assertThat(row.getEffectiveLower().toInstant()).isEqualTo(OffsetDateTime.parse("2024-03-05T07:15:00Z").toInstant());
        assertThat(row.getEffectiveUpper().toInstant()).isEqualTo(OffsetDateTime.parse("2024-03-05T07:15:00.000001Z").toInstant());
    }

    @Test
    void aTinyDecimal_staysPlainAndExact() {
        fixture.record(TENANT, "obs-3", glucose("obs-3", "pat-1", "0.00000010", "2024"));

        assertThat(row("obs-3").getValueQuantity()).isEqualTo(new BigDecimal("0.00000010"));
    }

    @Test
    void observationAmended_replacesTheWholeResult_andKeepsTheReason() {
        fixture.record(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        fixture.record(TENANT, "obs-1", new ObservationAmended("obs-1", "pat-1", ObservationValue.ofText("hemolysed sample"),
                List.of(), "wrong tube"));

        ObservationViewRecord row = row("obs-1");
        assertThat(row.getStatus()).isEqualTo("amended");
        assertThat(row.getAmended()).isTrue();
        assertThat(row.getAmendmentReason()).isEqualTo("wrong tube");
        assertThat(row.getValueText()).isEqualTo("hemolysed sample");
        assertThat(row.getValueQuantity()).isNull();
        assertThat(row.getValueUnit()).isNull();
        assertThat(row.getEffective()).isEqualTo("2024-03");
        assertThat(row.getVersion()).isEqualTo(1L);
    }

    @Test
    void observationAmended_toANewQuantity_keepsItsScale() {
        fixture.record(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        fixture.record(TENANT, "obs-1", new ObservationAmended("obs-1", "pat-1",
                ObservationValue.of(new Quantity(new BigDecimal("1.500"), ">=", "mmol/L", null, null)), List.of(), "recalibrated"));

        ObservationViewRecord row = row("obs-1");
        assertThat(row.getValueQuantity()).isEqualTo(new BigDecimal("1.500"));
        assertThat(row.getValueComparator()).isEqualTo(">=");
        assertThat(row.getValueSystem()).isNull();
    }

    @Test
    void observationMarkedEnteredInError_flagsTheRow_andKeepsItsResult() {
        fixture.record(TENANT, "obs-1", glucose("obs-1", "pat-1", "1.50", "2024-03"));

        fixture.record(TENANT, "obs-1", new ObservationMarkedEnteredInError("obs-1", "pat-1", "wrong patient"));

        ObservationViewRecord row = row("obs-1");
        assertThat(row.getStatus()).isEqualTo("entered-in-error");
        assertThat(row.getEnteredInError()).isTrue();
        assertThat(row.getEnteredInErrorReason()).isEqualTo("wrong patient");
        assertThat(row.getValueQuantity()).isEqualTo(new BigDecimal("1.50"));
    }
}
