package dev.bonfire.app.sample;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A small synthetic clinic, generated (never copied from anywhere): one directory bundle with the clinic
 * and its clinicians, then one transaction bundle per patient with encounters, vital signs (blood
 * pressure with components, a temperature written as 36.60), labs, a condition with a partial onset
 * date and a signed progress note. The same seed gives the same clinic.
 */
public final class SampleClinic {

    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String MRN = "https://bonfire.dev/sample/mrn";
    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String CLINIC_ID = "https://bonfire.dev/sample/clinic";

    private static final String[] FAMILY = {"Osei", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Silva", "Novak",
            "Haddad", "Ibrahim", "Kowalski", "Fischer", "Mensah", "Rossi", "Tanaka", "Andersen", "Costa"};
    private static final String[] GIVEN_F = {"Ama", "Ingrid", "Claire", "Yui", "Ngozi", "Beatriz", "Petra", "Leila"};
    private static final String[] GIVEN_M = {"Kwame", "Erik", "Louis", "Haruto", "Chidi", "Tiago", "Marek", "Karim"};
    private static final String[] NOTES = {
            "Routine follow-up. Feels well, no new complaints. Continue current plan and recheck in three months.",
            "Reports mild headaches in the evenings. Blood pressure reviewed; advised home monitoring and less salt.",
            "Annual review. Labs discussed. Encouraged regular exercise and a follow-up visit after the next lab draw."};

    /** FHIR dateTimes with a time need seconds and an offset. */
    private static final DateTimeFormatter FHIR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Random random;
    private final FhirContext fhir;

    public SampleClinic(long seed, FhirContext fhir) {
        this.random = new Random(seed);
        this.fhir = fhir;
    }

    /** The clinic's directory (organization and practitioners) followed by one bundle per patient, as FHIR JSON. */
    public List<String> bundles(int patients) {
        List<String> bundles = new ArrayList<>();
        bundles.add(json(directory()));
        for (int i = 0; i < patients; i++) {
            bundles.add(json(patient(i)));
        }
        return bundles;
    }

    private String json(Bundle bundle) {
        return fhir.newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle);
    }

    private Bundle directory() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.BATCH);
        Organization clinic = new Organization().setName("Bonfire Sample Clinic");
        clinic.addIdentifier().setSystem(CLINIC_ID).setValue("sample-clinic");
        clinic.setId(uuid());
        entry(bundle, clinic, "Organization");
        for (int i = 0; i < 3; i++) {
            Practitioner practitioner = new Practitioner();
            practitioner.setId(uuid());
            practitioner.addName().setFamily(FAMILY[(i * 5) % FAMILY.length]).addGiven(GIVEN_F[i % GIVEN_F.length]).addPrefix("Dr.");
            practitioner.addIdentifier().setSystem(NPI).setValue(String.valueOf(1_000_000_000L + i));
            entry(bundle, practitioner, "Practitioner");
        }
        return bundle;
    }

    private Bundle patient(int index) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        boolean female = random.nextBoolean();
        Patient patient = new Patient();
        patient.setId(uuid());
        patient.addIdentifier().setSystem(MRN).setValue(String.format("MRN-%06d", index + 1));
        patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                .setFamily(FAMILY[random.nextInt(FAMILY.length)])
                .addGiven(female ? GIVEN_F[random.nextInt(GIVEN_F.length)] : GIVEN_M[random.nextInt(GIVEN_M.length)]);
        patient.setGender(female ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
        LocalDate birth = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // every fourth patient has only a known birth month: partial dates stay partial
        patient.setBirthDateElement(index % 4 == 3 ? new DateType(birth.toString().substring(0, 7)) : new DateType(birth.toString()));
        patient.addAddress().addLine((10 + random.nextInt(190)) + " Ember Street").setCity("Springfield").setState("IL")
                .setPostalCode(String.format("627%02d", random.nextInt(100))).setCountry("US");
        String patientUrl = entry(bundle, patient, "Patient");

        Condition hypertension = new Condition();
        hypertension.setId(uuid());
        hypertension.setSubject(new Reference(patientUrl));
        hypertension.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
        hypertension.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"));
        hypertension.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"));
        hypertension.setCode(concept(SNOMED, "38341003", "Hypertensive disorder, systemic arterial"));
        hypertension.setOnset(new DateTimeType((2015 + random.nextInt(8)) + "-0" + (1 + random.nextInt(9))));
        entry(bundle, hypertension, "Condition");

        int visits = 2 + random.nextInt(3);
        OffsetDateTime visit = OffsetDateTime.of(2024, 1 + random.nextInt(3), 1 + random.nextInt(27), 8 + random.nextInt(8), 0, 0, 0,
                ZoneOffset.ofHours(random.nextBoolean() ? 1 : -5));
        for (int v = 0; v < visits; v++) {
            OffsetDateTime start = visit.plusWeeks(6L * v);
            Encounter encounter = new Encounter();
            encounter.setId(uuid());
            encounter.setStatus(Encounter.EncounterStatus.FINISHED);
            encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
            encounter.addType(concept(SNOMED, "185349003", "Encounter for check up"));
            encounter.setSubject(new Reference(patientUrl));
            encounter.setServiceProvider(new Reference("Organization?identifier=" + CLINIC_ID + "|sample-clinic"));
            encounter.setPeriod(new Period().setStartElement(new DateTimeType(FHIR_TIME.format(start)))
                    .setEndElement(new DateTimeType(FHIR_TIME.format(start.plusMinutes(20)))));
            String encounterUrl = entry(bundle, encounter, "Encounter");
            String when = FHIR_TIME.format(start.plusMinutes(5));

            Observation bloodPressure = observation(patientUrl, encounterUrl, when, "vital-signs", "85354-9", "Blood pressure panel");
            bloodPressure.addComponent().setCode(concept(LOINC, "8480-6", "Systolic blood pressure"))
                    .setValue(quantity(new BigDecimal(118 + random.nextInt(40)), "mm[Hg]"));
            bloodPressure.addComponent().setCode(concept(LOINC, "8462-4", "Diastolic blood pressure"))
                    .setValue(quantity(new BigDecimal(72 + random.nextInt(25)), "mm[Hg]"));
            entry(bundle, bloodPressure, "Observation");

            Observation heartRate = observation(patientUrl, encounterUrl, when, "vital-signs", "8867-4", "Heart rate");
            heartRate.setValue(quantity(new BigDecimal(58 + random.nextInt(40)), "/min"));
            entry(bundle, heartRate, "Observation");

            Observation temperature = observation(patientUrl, encounterUrl, when, "vital-signs", "8310-5", "Body temperature");
            temperature.setValue(quantity(new BigDecimal("36." + (v == 0 ? "60" : String.valueOf(10 + random.nextInt(89)))), "Cel"));
            entry(bundle, temperature, "Observation");

            Observation glucose = observation(patientUrl, encounterUrl, when, "laboratory", "15074-8", "Glucose [Moles/volume] in Blood");
            glucose.setValue(quantity(new BigDecimal((4 + random.nextInt(4)) + "." + random.nextInt(10) + "0"), "mmol/L"));
            entry(bundle, glucose, "Observation");

            DocumentReference note = new DocumentReference();
            note.setId(uuid());
            note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            note.setType(concept(LOINC, "11506-3", "Progress note"));
            note.setSubject(new Reference(patientUrl));
            note.getContext().addEncounter(new Reference(encounterUrl));
            note.setDate(java.util.Date.from(start.plusMinutes(25).toInstant()));
            note.addContent().setAttachment(new Attachment().setContentType("text/plain")
                    .setData(NOTES[random.nextInt(NOTES.length)].getBytes(StandardCharsets.UTF_8)));
            entry(bundle, note, "DocumentReference");
        }
        return bundle;
    }

    private Observation observation(String patientUrl, String encounterUrl, String when, String category, String code, String display) {
        Observation observation = new Observation();
        observation.setId(uuid());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
        observation.setCode(concept(LOINC, code, display));
        observation.setSubject(new Reference(patientUrl));
        observation.setEncounter(new Reference(encounterUrl));
        observation.setEffective(new DateTimeType(when));
        return observation;
    }

    private static Quantity quantity(BigDecimal value, String ucum) {
        Quantity quantity = new Quantity();
        quantity.setValueElement(new DecimalType(value));
        return quantity.setUnit(ucum).setSystem(UCUM).setCode(ucum);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private String entry(Bundle bundle, Resource resource, String type) {
        String fullUrl = "urn:uuid:" + resource.getIdElement().getIdPart();
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
        return fullUrl;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
