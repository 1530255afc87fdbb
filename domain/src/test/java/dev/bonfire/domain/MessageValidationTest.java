package dev.bonfire.domain;

import static dev.bonfire.domain.Samples.PATIENT;
import static dev.bonfire.domain.Samples.demographics;
import static dev.bonfire.domain.Samples.loinc;
import static dev.bonfire.domain.Samples.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.Address;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.condition.ChangeConditionClinicalStatus;
import dev.bonfire.domain.condition.RecordCondition;
import dev.bonfire.domain.encounter.RecordEncounter;
import dev.bonfire.domain.note.DraftNote;
import dev.bonfire.domain.note.NoteKind;
import dev.bonfire.domain.observation.AmendObservation;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.domain.observation.RecordObservation;
import dev.bonfire.domain.patient.Demographics;
import dev.bonfire.domain.patient.RegisterPatient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed input is refused by the message and value constructors, before any handler runs. */
class MessageValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"1980-13", "1980-00", "1980-02-30", "1981-02-29", "80-07", "1980-7", "1980-07-01T10:00:00",
            "1980-07-01T10:00+01:00", "1980-07-01T24:00:00Z", "1980-07-01T10:00:00+15:00", "", "yesterday"})
    void clinicalDateTime_isRejected_whenNotAFhirDateOrDateTime(String value) {
        assertThatThrownBy(() -> new ClinicalDateTime(value)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void clinicalDateTime_isRejected_whenNull() {
        assertThatThrownBy(() -> new ClinicalDateTime(null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void clinicalDateTime_keepsAPartialDate_andCoversItsWholeMonth() {
        ClinicalDateTime month = ClinicalDateTime.of("1980-07");

        assertThat(month.value()).isEqualTo("1980-07");
        assertThat(month.precision()).isEqualTo(ClinicalDateTime.Precision.MONTH);
        assertThat(month.lowerBound()).isEqualTo(Instant.parse("1980-07-01T00:00:00Z"));
        assertThat(month.upperBound()).isEqualTo(Instant.parse("1980-08-01T00:00:00Z"));
    }

    @Test
    void clinicalDateTime_keepsItsOffset() {
        ClinicalDateTime time = ClinicalDateTime.of("2019-03-01T10:00:00+01:00");

        assertThat(time.value()).isEqualTo("2019-03-01T10:00:00+01:00");
        assertThat(time.precision()).isEqualTo(ClinicalDateTime.Precision.TIME);
        assertThat(time.lowerBound()).isEqualTo(Instant.parse("2019-03-01T09:00:00Z"));
    }

    @Test
    void quantity_isRejected_withoutAValue() {
        assertThatThrownBy(() -> new Quantity(null, null, "mmol/L", "http://unitsofmeasure.org", "mmol/L"))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void quantity_isRejected_withAnUnknownComparator() {
        assertThatThrownBy(() -> new Quantity(BigDecimal.ONE, "~", null, null, null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void quantity_isRejected_whenItsExponentCouldNotBeStoredAndReadBack() {
        for (String value : new String[] {"1e-5000", "1e999999999", "1" + "0".repeat(60)}) {
            assertThatThrownBy(() -> new Quantity(new BigDecimal(value), null, null, null, null))
                    .as(value).isInstanceOf(InvalidCommandException.class);
        }
    }

    @Test
    void quantity_keepsItsWrittenScale() {
        assertThat(quantity("1.50", "mmol/L").value().scale()).isEqualTo(2);
    }

    @Test
    void observationValue_isRejected_withTwoParts() {
        assertThatThrownBy(() -> new ObservationValue(quantity("1.50", "mmol/L"), null, "high", null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void observationValue_isRejected_withNoPart() {
        assertThatThrownBy(() -> new ObservationValue(null, null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void demographics_isRejected_withoutAName() {
        assertThatThrownBy(() -> new Demographics(List.of(), "female", null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void demographics_isRejected_withAnUnknownGender() {
        assertThatThrownBy(() -> new Demographics(demographics().names(), "f", null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void demographics_isRejected_withABirthDateThatHasATime() {
        assertThatThrownBy(() -> new Demographics(demographics().names(), null, ClinicalDateTime.of("1980-07-01T10:00:00Z"),
                null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void valueLists_areRejected_withANullElement_ratherThanFailingWithANullPointer() {
        assertThatThrownBy(() -> new HumanName(null, "Doe", Arrays.asList("Jane", null), null, null))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new Address(null, Arrays.asList((String) null), null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new CodeableConcept(Arrays.asList((Coding) null), "text"))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new Demographics(Arrays.asList((HumanName) null), null, null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void codeableConcept_isRejected_withoutACodingOrText() {
        assertThatThrownBy(() -> new CodeableConcept(null, " ")).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void reference_isRejected_withoutAnIdIdentifierOrDisplay() {
        assertThatThrownBy(() -> new Reference("Practitioner", null, null, null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void period_isRejected_whenItEndsBeforeItStarts() {
        assertThatThrownBy(() -> new Period(ClinicalDateTime.of("2020-01-02"), ClinicalDateTime.of("2020-01-01")))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new Period(ClinicalDateTime.of("2019-03-01T10:00:00+01:00"), ClinicalDateTime.of("2019-03-01T08:59:59Z")))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void period_isAccepted_whenAPartialEndCoversTheStart() {
        assertThatCode(() -> new Period(ClinicalDateTime.of("2020-06"), ClinicalDateTime.of("2020"))).doesNotThrowAnyException();
        assertThatCode(() -> new Period(ClinicalDateTime.of("2020-06-15T10:00:00Z"), ClinicalDateTime.of("2020-06-15")))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Period(ClinicalDateTime.of("2020-06-15T10:00:00Z"), ClinicalDateTime.of("2020-06-15T10:00:00Z")))
                .doesNotThrowAnyException();
    }

    @Test
    void registerPatient_isRejected_withoutDemographics() {
        assertThatThrownBy(() -> new RegisterPatient(PATIENT, null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void recordEncounter_isRejected_withAnUnknownStatus() {
        assertThatThrownBy(() -> new RecordEncounter("encounter-1", PATIENT, "done", new Coding(null, "AMB", null),
                null, null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void recordObservation_isRejected_enteredInError_whichOnlyItsOwnCommandMayRecord() {
        assertThatThrownBy(() -> new RecordObservation("observation-1", PATIENT, null, "entered-in-error", null,
                loinc("8310-5", "Body temperature"), null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void recordObservation_isRejected_withoutACode() {
        assertThatThrownBy(() -> new RecordObservation("observation-1", PATIENT, null, "final", null, null, null, null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void amendObservation_isRejected_withoutAValueOrComponents() {
        assertThatThrownBy(() -> new AmendObservation("observation-1", PATIENT, null, List.of(), "fix", null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void amendObservation_isRejected_withoutAReason() {
        assertThatThrownBy(() -> new AmendObservation("observation-1", PATIENT, ObservationValue.ofText("ok"), null, " ", null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void recordCondition_isRejected_enteredInErrorAsVerificationStatus() {
        assertThatThrownBy(() -> new RecordCondition("condition-1", PATIENT, null, "active", "entered-in-error", null,
                loinc("1234-5", "x"), null, null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void changeConditionClinicalStatus_isRejected_withAnUnknownStatus() {
        assertThatThrownBy(() -> new ChangeConditionClinicalStatus("condition-1", PATIENT, "cured", null, null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void draftNote_isRejected_withoutText() {
        assertThatThrownBy(() -> new DraftNote("note-1", PATIENT, null, NoteKind.CLINICAL, null, null, "", null))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void draftNote_isRejected_withoutAKind() {
        assertThatThrownBy(() -> new DraftNote("note-1", PATIENT, null, null, null, null, "text", null))
                .isInstanceOf(InvalidCommandException.class);
    }
}
