package dev.bonfire.query.testing;

import dev.bonfire.domain.common.Address;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.ContactPoint;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.condition.ConditionRecorded;
import dev.bonfire.domain.encounter.EncounterRecorded;
import dev.bonfire.domain.observation.ObservationComponent;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.domain.patient.Demographics;
import dev.bonfire.domain.patient.PatientRegistered;
import java.math.BigDecimal;
import java.util.List;

/** Domain events with the values that must survive exactly: 1.50, partial dates, offsets. */
public final class Samples {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";

    private Samples() {
    }

    public static ClinicalDateTime date(String value) {
        return new ClinicalDateTime(value);
    }

    public static Demographics demographics(String family, String given, String birthDate) {
        return new Demographics(
                List.of(new HumanName("official", family, List.of(given), List.of(), null),
                        new HumanName("nickname", null, List.of(given.substring(0, 1) + "."), List.of(), null)),
                "female",
                birthDate == null ? null : date(birthDate),
                List.of(new Identifier("urn:oid:2.16.840.1.113883.4.1", "MRN-" + family, "MR")),
                List.of(new Address("home", List.of("1 Main St", "Apt 2"), "Springfield", "IL", "62701", "US")),
                List.of(new ContactPoint("phone", "+1 555 0100", "mobile")),
                "M");
    }

    public static PatientRegistered patient(String id, String family, String given, String birthDate) {
        return new PatientRegistered(id, demographics(family, given, birthDate));
    }

    public static EncounterRecorded encounter(String id, String patientId, String start, String end) {
        return new EncounterRecorded(id, patientId, "finished",
                new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
                List.of(CodeableConcept.of(SNOMED, "185349003", "Encounter for check up")),
                new Period(start == null ? null : date(start), end == null ? null : date(end)),
                List.of(new CodeableConcept(List.of(), "annual check")),
                List.of(Reference.to("Practitioner", "pr-1"),
                        new Reference(null, null, new Identifier("http://hl7.org/fhir/sid/us-npi", "1234567893", null), "Dr. Who")),
                Reference.to("Organization", "org-1"),
                null);
    }

    /** A glucose result of {@code value} mmol/L (keep the written scale: pass "1.50"). */
    public static ObservationRecorded glucose(String id, String patientId, String value, String effective) {
        return new ObservationRecorded(id, patientId, "enc-1", "final",
                List.of(CodeableConcept.of("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")),
                new CodeableConcept(List.of(new Coding(LOINC, "15074-8", "Glucose [Moles/volume] in Blood"),
                        new Coding("urn:local:lab", "GLU", "Glucose")), "Glucose"),
                effective == null ? null : date(effective),
                date("2024-03-05T10:00:00+01:00"),
                ObservationValue.of(new Quantity(new BigDecimal(value), null, "mmol/L", UCUM, "mmol/L")),
                List.of());
    }

    /** A blood pressure with components 120.50 / 80.0 mm[Hg]. */
    public static ObservationRecorded bloodPressure(String id, String patientId, String effective) {
        return new ObservationRecorded(id, patientId, null, "final",
                List.of(CodeableConcept.of("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")),
                CodeableConcept.of(LOINC, "85354-9", "Blood pressure panel"),
                effective == null ? null : date(effective),
                null,
                null,
                List.of(new ObservationComponent(CodeableConcept.of(LOINC, "8480-6", "Systolic"),
                                ObservationValue.of(new Quantity(new BigDecimal("120.50"), null, "mm[Hg]", UCUM, "mm[Hg]"))),
                        new ObservationComponent(CodeableConcept.of(LOINC, "8462-4", "Diastolic"),
                                ObservationValue.of(new Quantity(new BigDecimal("80.0"), "<", "mm[Hg]", UCUM, "mm[Hg]")))));
    }

    public static ConditionRecorded condition(String id, String patientId, String code, String onset) {
        return new ConditionRecorded(id, patientId, null, "active", "confirmed",
                List.of(CodeableConcept.of("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", null)),
                CodeableConcept.of(SNOMED, code, "condition " + code),
                onset == null ? null : date(onset),
                null,
                date("2024-01-10"));
    }
}
