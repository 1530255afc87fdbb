package dev.bonfire.fhir.importer;

import dev.bonfire.domain.common.Address;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.ContactPoint;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.Quantity;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.condition.RecordCondition;
import dev.bonfire.domain.directory.RegisterLocation;
import dev.bonfire.domain.directory.RegisterOrganization;
import dev.bonfire.domain.directory.RegisterPractitioner;
import dev.bonfire.domain.encounter.RecordEncounter;
import dev.bonfire.domain.note.DraftNote;
import dev.bonfire.domain.note.NoteKind;
import dev.bonfire.domain.note.SignNote;
import dev.bonfire.domain.observation.ObservationComponent;
import dev.bonfire.domain.observation.ObservationValue;
import dev.bonfire.domain.observation.RecordObservation;
import dev.bonfire.domain.patient.Demographics;
import dev.bonfire.domain.patient.RecordDeath;
import dev.bonfire.domain.patient.RegisterPatient;
import dev.bonfire.fhir.importer.MappedBundle.IdentifierKey;
import dev.bonfire.fhir.importer.MappedBundle.Outcome;
import dev.bonfire.fhir.importer.MappedBundle.Unresolved;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Maps FHIR R4 resources to domain commands. Pure: no database, no bus; what the tenant already holds
 * comes from {@link KnownRecords}. Values keep their written form: dates and times are passed on as the
 * FHIR text ({@code getValueAsString()}, never through {@code java.util.Date}), decimals as the written
 * digits ({@code 1.50} stays {@code 1.50}).
 *
 * <p>Modelled: Patient (register, then a death if deceased), Encounter, Observation, Condition,
 * DocumentReference with inline text (a clinical note, drafted and signed by the import principal),
 * Organization, Practitioner and Location (directory). Everything else is counted as not modelled.
 *
 * <p>Record ids are {@link RecordIds#of name-based UUIDs} of tenant, type and key (the resource id, else
 * a globally unique fullUrl, else the bundle digest and entry position), so importing again targets the
 * same records. A conditional create ({@code ifNoneExist}) or conditional update whose identifier is
 * already known targets the existing record.
 */
public final class FhirMapper {

    /** The resource types the importer turns into commands. */
    public static final Set<String> MODELLED_TYPES = Set.of(
            "Patient", "Encounter", "Observation", "Condition", "DocumentReference", "Organization", "Practitioner", "Location");

    /** Directory resources hold no patient data: their identifiers may be shown in reports. */
    static final Set<String> DIRECTORY_TYPES = Set.of("Organization", "Practitioner", "Location");

    /** Order of sending: the directory and patients first, so that the gate finds each patient before its records. */
    static final List<String> DISPATCH_ORDER = List.of(
            "Organization", "Location", "Practitioner", "Patient", "Encounter", "Condition", "Observation", "DocumentReference");

    private static final Pattern LITERAL = Pattern.compile(
            "^(?:(https?://.+)/)?([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?$");
    private static final Pattern HISTORY = Pattern.compile("/_history/[^/]+$");
    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private static final Set<String> TEXT_CONTENT_TYPES = Set.of("text/plain", "text/markdown");

    private static final String CONTAINED = "a contained resource";

    private final String tenant;
    private final KnownRecords known;

    public FhirMapper(String tenant, KnownRecords known) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
        this.tenant = tenant;
        this.known = Objects.requireNonNull(known);
    }

    /** The record id of a resource of this type with this id in this mapper's tenant. */
    String recordIdOf(String resourceType, String id) {
        return RecordIds.of(tenant, resourceType, resourceType + "/" + id);
    }

    /** Maps every entry; refusals are entries with {@link Outcome#REFUSED}, never exceptions. */
    MappedBundle map(ReadBundle bundle) {
        BundleIndex index = new BundleIndex(bundle);
        List<MappedBundle.Entry> out = new ArrayList<>(bundle.entries().size());
        for (ReadBundle.Entry entry : bundle.entries()) {
            out.add(mapEntry(entry, index));
        }
        return new MappedBundle(out);
    }

    private MappedBundle.Entry mapEntry(ReadBundle.Entry entry, BundleIndex index) {
        String type = entry.resourceType();
        String method = entry.method();
        if ("DELETE".equals(method) || "PATCH".equals(method)) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.REFUSED,
                    method + " is not imported: bonfire corrects records with commands and never deletes or patches them",
                    "Bundle.entry[" + entry.index() + "].request.method");
        }
        if (entry.resource() == null) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.SKIPPED,
                    "request " + method + " (a read: nothing to store)", null);
        }
        if (!MODELLED_TYPES.contains(type)) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.NOT_MODELLED, null, null);
        }
        Trace trace = new Trace(entry, index);
        try {
            List<Object> commands = new ArrayList<>();
            List<Object> finalCommands = new ArrayList<>();
            String recordId = index.recordId(entry.index());
            switch (type) {
                case "Patient" -> patient((Patient) entry.resource(), recordId, trace, commands, finalCommands);
                case "Encounter" -> commands.add(encounter((Encounter) entry.resource(), recordId, trace));
                case "Observation" -> commands.add(observation((Observation) entry.resource(), recordId, trace));
                case "Condition" -> commands.add(condition((Condition) entry.resource(), recordId, trace));
                case "DocumentReference" -> note((DocumentReference) entry.resource(), recordId, trace, commands);
                case "Organization" -> commands.add(organization((Organization) entry.resource(), recordId));
                case "Practitioner" -> commands.add(practitioner((Practitioner) entry.resource(), recordId));
                case "Location" -> commands.add(location((Location) entry.resource(), recordId, trace));
                default -> throw new IllegalStateException("modelled but not mapped: " + type);
            }
            return new MappedBundle.Entry(entry.index(), entry.fullUrl(), type, Outcome.MAPPED, null, null, recordId,
                    commands, finalCommands, identifiersOf(entry.resource()), trace.unresolved, trace.notKept);
        } catch (Skip skip) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.SKIPPED, skip.getMessage(), null);
        } catch (Refusal refusal) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.REFUSED, refusal.getMessage(), refusal.location);
        } catch (InvalidCommandException invalid) {
            return MappedBundle.Entry.notMapped(entry.index(), entry.fullUrl(), type, Outcome.REFUSED,
                    "not importable: " + maskQuoted(invalid.getMessage()), type);
        }
    }

    // ---------------------------------------------------------------- resources

    private void patient(Patient p, String patientId, Trace trace, List<Object> commands, List<Object> finalCommands) {
        Demographics demographics = new Demographics(
                nonNull(p.getName(), FhirMapper::name),
                code(p.getGenderElement()),
                ClinicalDateTime.of(text(p.getBirthDateElement())),
                identifiers(p.getIdentifier()),
                nonNull(p.getAddress(), FhirMapper::address),
                nonNull(p.getTelecom(), FhirMapper::contactPoint),
                firstCode(p.getMaritalStatus()));
        commands.add(new RegisterPatient(patientId, demographics));
        Type deceased = p.hasDeceased() ? p.getDeceased() : null;
        if (deceased instanceof DateTimeType at && at.hasValue()) {
            finalCommands.add(new RecordDeath(patientId, ClinicalDateTime.of(at.getValueAsString()), null));
        } else if (deceased instanceof BooleanType flag && Boolean.TRUE.equals(flag.getValue())) {
            finalCommands.add(new RecordDeath(patientId, null, null));
        }
        if (p.getName().stream().anyMatch(org.hl7.fhir.r4.model.HumanName::hasSuffix)) {
            trace.notKept("Patient.name.suffix");
        }
    }

    private RecordEncounter encounter(Encounter e, String encounterId, Trace trace) {
        String patientId = trace.patient(e.getSubject(), "Encounter.subject");
        List<Reference> participants = new ArrayList<>();
        for (Encounter.EncounterParticipantComponent participant : e.getParticipant()) {
            if (participant.hasIndividual()) {
                Reference r = trace.reference(participant.getIndividual(), "Encounter.participant.individual", "Practitioner");
                if (r != null) {
                    participants.add(r);
                }
            }
        }
        Reference location = null;
        if (e.hasLocation()) {
            location = trace.reference(e.getLocationFirstRep().getLocation(), "Encounter.location.location", "Location");
            if (e.getLocation().size() > 1) {
                trace.notKept("Encounter.location (all but the first)");
            }
        }
        if (e.hasReasonReference()) {
            trace.notKept("Encounter.reasonReference");
        }
        if (e.hasHospitalization()) {
            trace.notKept("Encounter.hospitalization");
        }
        return new RecordEncounter(encounterId, patientId, code(e.getStatusElement()), coding(e.getClass_()),
                concepts(e.getType()), period(e.getPeriod()), concepts(e.getReasonCode()), participants,
                e.hasServiceProvider() ? trace.reference(e.getServiceProvider(), "Encounter.serviceProvider", "Organization") : null,
                location);
    }

    private RecordObservation observation(Observation o, String observationId, Trace trace) {
        String status = code(o.getStatusElement());
        if ("entered-in-error".equals(status)) {
            throw new Skip("entered-in-error");
        }
        String patientId = trace.patient(o.getSubject(), "Observation.subject");
        String encounterId = o.hasEncounter() ? trace.encounter(o.getEncounter(), "Observation.encounter") : null;
        ObservationValue value = o.hasValue() ? value(o.getValue(), "Observation.value") : null;
        List<ObservationComponent> components = new ArrayList<>();
        for (Observation.ObservationComponentComponent c : o.getComponent()) {
            components.add(new ObservationComponent(concept(c.getCode()),
                    c.hasValue() ? value(c.getValue(), "Observation.component.value") : null));
        }
        if (o.hasReferenceRange()) {
            trace.notKept("Observation.referenceRange");
        }
        if (o.hasInterpretation()) {
            trace.notKept("Observation.interpretation");
        }
        return new RecordObservation(observationId, patientId, encounterId, status, concepts(o.getCategory()),
                concept(o.getCode()), dateOf(o.hasEffective() ? o.getEffective() : null, "Observation.effective", trace),
                ClinicalDateTime.of(text(o.getIssuedElement())), value, components);
    }

    private RecordCondition condition(Condition c, String conditionId, Trace trace) {
        String verification = statusCode(c.getVerificationStatus(), CONDITION_VERIFICATION);
        if ("entered-in-error".equals(verification)) {
            throw new Skip("entered-in-error");
        }
        String patientId = trace.patient(c.getSubject(), "Condition.subject");
        String encounterId = c.hasEncounter() ? trace.encounter(c.getEncounter(), "Condition.encounter") : null;
        return new RecordCondition(conditionId, patientId, encounterId,
                statusCode(c.getClinicalStatus(), CONDITION_CLINICAL), verification, concepts(c.getCategory()),
                concept(c.getCode()),
                dateOf(c.hasOnset() ? c.getOnset() : null, "Condition.onset", trace),
                dateOf(c.hasAbatement() ? c.getAbatement() : null, "Condition.abatement", trace),
                ClinicalDateTime.of(text(c.getRecordedDateElement())));
    }

    private void note(DocumentReference d, String noteId, Trace trace, List<Object> commands) {
        String status = code(d.getStatusElement());
        if ("entered-in-error".equals(status)) {
            throw new Skip("entered-in-error");
        }
        Attachment textAttachment = null;
        String contentTypes = "";
        int attachments = 0;
        for (DocumentReference.DocumentReferenceContentComponent content : d.getContent()) {
            Attachment a = content.getAttachment();
            attachments++;
            contentTypes = a.hasContentType() ? a.getContentType() : "no contentType";
            if (textAttachment == null && a.hasData() && isText(a.getContentType())) {
                textAttachment = a;
            }
        }
        if (textAttachment == null) {
            throw new Skip("content not modelled: only inline text/plain or text/markdown is imported (found "
                    + (attachments == 1 ? contentTypes : attachments + " attachments") + ")");
        }
        if (attachments > 1) {
            trace.notKept("DocumentReference.content (all but the first text attachment)");
        }
        String text = decodeText(textAttachment);
        if (text.isBlank()) {
            throw new Skip("empty text content");
        }
        String patientId = trace.patient(d.getSubject(), "DocumentReference.subject");
        String encounterId = null;
        if (d.hasContext() && d.getContext().hasEncounter()) {
            encounterId = trace.encounter(d.getContext().getEncounterFirstRep(), "DocumentReference.context.encounter");
        }
        Reference author = d.hasAuthor() ? trace.reference(d.getAuthorFirstRep(), "DocumentReference.author", "Practitioner") : null;
        String title = textAttachment.hasTitle() ? textAttachment.getTitle() : d.hasDescription() ? d.getDescription() : null;
        commands.add(new DraftNote(noteId, patientId, encounterId, NoteKind.CLINICAL, concept(d.getType()), title, text, author));
        commands.add(new SignNote(noteId, patientId, null));
    }

    private static RegisterOrganization organization(Organization o, String organizationId) {
        return new RegisterOrganization(organizationId, text(o.getNameElement()), identifiers(o.getIdentifier()));
    }

    private static RegisterPractitioner practitioner(Practitioner p, String practitionerId) {
        return new RegisterPractitioner(practitionerId, nonNull(p.getName(), FhirMapper::name), identifiers(p.getIdentifier()));
    }

    private static RegisterLocation location(Location l, String locationId, Trace trace) {
        Reference managing = l.hasManagingOrganization()
                ? trace.reference(l.getManagingOrganization(), "Location.managingOrganization", "Organization") : null;
        return new RegisterLocation(locationId, text(l.getNameElement()), identifiers(l.getIdentifier()), managing);
    }

    // ---------------------------------------------------------------- data types

    private static ObservationValue value(Type value, String element) {
        if (value instanceof org.hl7.fhir.r4.model.Quantity q) {
            if (!q.hasValue()) {
                throw new Skip(element + "Quantity without a value not modelled");
            }
            return ObservationValue.of(quantity(q));
        }
        if (value instanceof org.hl7.fhir.r4.model.CodeableConcept cc) {
            CodeableConcept concept = concept(cc);
            if (concept == null) {
                throw new Skip(element + "CodeableConcept without code or text not modelled");
            }
            return ObservationValue.of(concept);
        }
        if (value instanceof StringType s && s.hasValue()) {
            return ObservationValue.ofText(s.getValue());
        }
        if (value instanceof BooleanType b && b.hasValue()) {
            return new ObservationValue(null, null, null, b.getValue(), null, null);
        }
        if (value instanceof IntegerType i && i.hasValue()) {
            return new ObservationValue(null, null, null, null, i.getValue(), null);
        }
        if (value instanceof DateTimeType dt && dt.hasValue()) {
            return new ObservationValue(null, null, null, null, null, ClinicalDateTime.of(dt.getValueAsString()));
        }
        String fhirType = value.fhirType();
        throw new Skip(element + Character.toUpperCase(fhirType.charAt(0)) + fhirType.substring(1) + " not modelled");
    }

    /** The decimal as written: HAPI keeps the original text of a decimal, so 1.50 stays 1.50 (never via double). */
    static Quantity quantity(org.hl7.fhir.r4.model.Quantity q) {
        return new Quantity(new BigDecimal(q.getValueElement().getValueAsString()), code(q.getComparatorElement()),
                text(q.getUnitElement()), text(q.getSystemElement()), text(q.getCodeElement()));
    }

    private static ClinicalDateTime dateOf(Type value, String element, Trace trace) {
        if (value == null) {
            return null;
        }
        if ((value instanceof DateTimeType || value instanceof InstantType) && ((PrimitiveType<?>) value).hasValue()) {
            return ClinicalDateTime.of(((PrimitiveType<?>) value).getValueAsString());
        }
        if (value instanceof org.hl7.fhir.r4.model.Period p) {
            if (p.hasEnd()) {
                trace.notKept(element + "Period.end");
            }
            return ClinicalDateTime.of(text(p.getStartElement()));
        }
        trace.notKept(element + Character.toUpperCase(value.fhirType().charAt(0)) + value.fhirType().substring(1));
        return null;
    }

    private static Period period(org.hl7.fhir.r4.model.Period p) {
        if (p == null || p.isEmpty()) {
            return null;
        }
        ClinicalDateTime start = ClinicalDateTime.of(text(p.getStartElement()));
        ClinicalDateTime end = ClinicalDateTime.of(text(p.getEndElement()));
        return start == null && end == null ? null : new Period(start, end);
    }

    static CodeableConcept concept(org.hl7.fhir.r4.model.CodeableConcept cc) {
        if (cc == null || cc.isEmpty()) {
            return null;
        }
        List<Coding> codings = nonNull(cc.getCoding(), FhirMapper::coding);
        String text = text(cc.getTextElement());
        if (codings.isEmpty() && (text == null || text.isBlank())) {
            return null;
        }
        return new CodeableConcept(codings, text);
    }

    private static List<CodeableConcept> concepts(List<org.hl7.fhir.r4.model.CodeableConcept> concepts) {
        return nonNull(concepts, FhirMapper::concept);
    }

    private static Coding coding(org.hl7.fhir.r4.model.Coding c) {
        if (c == null) {
            return null;
        }
        String code = text(c.getCodeElement());
        String display = text(c.getDisplayElement());
        if (blank(code) && blank(display)) {
            return null;
        }
        return new Coding(text(c.getSystemElement()), code, display);
    }

    private static HumanName name(org.hl7.fhir.r4.model.HumanName n) {
        String family = text(n.getFamilyElement());
        List<String> given = values(n.getGiven());
        String text = text(n.getTextElement());
        if (blank(family) && given.isEmpty() && blank(text)) {
            return null;
        }
        return new HumanName(code(n.getUseElement()), family, given, values(n.getPrefix()), text);
    }

    private static Address address(org.hl7.fhir.r4.model.Address a) {
        if (a.isEmpty()) {
            return null;
        }
        return new Address(code(a.getUseElement()), values(a.getLine()), text(a.getCityElement()), text(a.getStateElement()),
                text(a.getPostalCodeElement()), text(a.getCountryElement()));
    }

    private static ContactPoint contactPoint(org.hl7.fhir.r4.model.ContactPoint c) {
        String value = text(c.getValueElement());
        return blank(value) ? null : new ContactPoint(code(c.getSystemElement()), value, code(c.getUseElement()));
    }

    private static List<Identifier> identifiers(List<org.hl7.fhir.r4.model.Identifier> identifiers) {
        return nonNull(identifiers, i -> blank(i.getValue()) ? null
                : new Identifier(text(i.getSystemElement()), i.getValue(), firstCode(i.getType())));
    }

    private static List<IdentifierKey> identifiersOf(Resource resource) {
        List<org.hl7.fhir.r4.model.Identifier> ids;
        if (resource instanceof Patient p) {
            ids = p.getIdentifier();
        } else if (resource instanceof Encounter e) {
            ids = e.getIdentifier();
        } else if (resource instanceof Observation o) {
            ids = o.getIdentifier();
        } else if (resource instanceof Condition c) {
            ids = c.getIdentifier();
        } else if (resource instanceof DocumentReference d) {
            ids = d.getIdentifier();
        } else if (resource instanceof Organization o) {
            ids = o.getIdentifier();
        } else if (resource instanceof Practitioner p) {
            ids = p.getIdentifier();
        } else if (resource instanceof Location l) {
            ids = l.getIdentifier();
        } else {
            ids = List.of();
        }
        // no system is "", so that "any system" (null) stays distinct in the bundle index
        return nonNull(ids, i -> blank(i.getValue()) ? null
                : new IdentifierKey(resource.fhirType(), i.hasSystem() ? i.getSystem() : "", i.getValue()));
    }

    private static String statusCode(org.hl7.fhir.r4.model.CodeableConcept cc, String system) {
        if (cc == null || cc.isEmpty()) {
            return null;
        }
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
            if (system.equals(c.getSystem()) && c.hasCode()) {
                return c.getCode();
            }
        }
        return firstCode(cc);
    }

    private static String firstCode(org.hl7.fhir.r4.model.CodeableConcept cc) {
        if (cc == null || cc.isEmpty()) {
            return null;
        }
        for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
            if (c.hasCode()) {
                return c.getCode();
            }
        }
        return text(cc.getTextElement());
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return TEXT_CONTENT_TYPES.contains(mime);
    }

    /** Decodes an attachment's text strictly in its declared charset (UTF-8 when none is declared). */
    static String decodeText(Attachment a) {
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_\\-.:]+)", Pattern.CASE_INSENSITIVE).matcher(a.getContentType());
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (RuntimeException e) {
                throw new Skip("content charset not supported");
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(a.getData())).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal("DocumentReference.content.attachment.data", "the text is not valid " + charset.name());
        }
    }

    // ---------------------------------------------------------------- small helpers

    static String text(PrimitiveType<?> p) {
        return p != null && p.hasValue() ? p.getValueAsString() : null;
    }

    private static String code(PrimitiveType<?> p) {
        return text(p);
    }

    private static List<String> values(List<? extends PrimitiveType<?>> values) {
        return nonNull(values, FhirMapper::text);
    }

    private static <A, B> List<B> nonNull(List<A> values, Function<A, B> map) {
        List<B> out = new ArrayList<>();
        if (values != null) {
            for (A a : values) {
                B b = a == null ? null : map.apply(a);
                if (b != null && !(b instanceof String s && s.isBlank())) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** Domain messages quote the offending value: mask every quoted text. */
    static String maskQuoted(String message) {
        return message == null ? null : message.replaceAll("'[^']*'", "'" + Redaction.MASK + "'");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A resource of a modelled type that is deliberately not stored; the reason is counted. */
    static final class Skip extends RuntimeException {
        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A resource that cannot be imported: the whole bundle is rejected. */
    static final class Refusal extends RuntimeException {
        final String location;

        Refusal(String location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }

    // ---------------------------------------------------------------- references

    /** A reference target: resolved (record id) or not (what is left of it). */
    private record Target(String type, String recordId, Identifier identifier, String display, String written) {
        boolean resolved() {
            return recordId != null;
        }
    }

    /** The bundle's entries by fullUrl, type/id and business identifier, and the record id of each modelled entry. */
    private final class BundleIndex {
        private final ReadBundle bundle;
        private final Map<Integer, String> recordIds = new HashMap<>();
        private final Map<String, ReadBundle.Entry> byFullUrl = new HashMap<>();
        private final Map<String, ReadBundle.Entry> byTypeAndId = new HashMap<>();
        private final Map<IdentifierKey, ReadBundle.Entry> byIdentifier = new HashMap<>();

        BundleIndex(ReadBundle bundle) {
            this.bundle = bundle;
            for (ReadBundle.Entry e : bundle.entries()) {
                if (e.fullUrl() != null) {
                    byFullUrl.putIfAbsent(HISTORY.matcher(e.fullUrl()).replaceFirst(""), e);
                }
                if (e.resource() == null) {
                    continue;
                }
                if (e.id() != null) {
                    byTypeAndId.putIfAbsent(e.resourceType() + "/" + e.id(), e);
                }
                if (MODELLED_TYPES.contains(e.resourceType())) {
                    recordIds.put(e.index(), RecordIds.of(tenant, e.resourceType(), keyOf(e)));
                    for (IdentifierKey id : identifiersOf(e.resource())) {
                        byIdentifier.putIfAbsent(id, e);
                        byIdentifier.putIfAbsent(new IdentifierKey(id.resourceType(), null, id.value()), e);
                    }
                }
            }
            // A conditional create or update names an identifier: when a record with it exists (earlier in
            // this bundle or from an earlier import), that record is the target, not a new one.
            for (ReadBundle.Entry e : bundle.entries()) {
                if (e.resource() == null || !MODELLED_TYPES.contains(e.resourceType())) {
                    continue;
                }
                String condition = e.ifNoneExist() != null ? e.ifNoneExist()
                        : "PUT".equals(e.method()) && e.requestUrl() != null && e.requestUrl().contains("?")
                        ? e.requestUrl().substring(e.requestUrl().indexOf('?') + 1) : null;
                Token token = condition == null ? null : identifierToken(condition);
                if (token == null) {
                    continue;
                }
                ReadBundle.Entry holder = byIdentifier.get(new IdentifierKey(e.resourceType(), token.system, token.value));
                if (holder != null && holder.index() < e.index()) {
                    recordIds.put(e.index(), recordIds.get(holder.index()));
                } else if (holder == null || holder.index() == e.index()) {
                    lookUp(e.resourceType(), token).ifPresent(id -> recordIds.put(e.index(), id));
                }
            }
        }

        String recordId(int entryIndex) {
            return recordIds.get(entryIndex);
        }

        /** The key a record id is derived from: the resource id, a globally unique fullUrl, or the entry's place in these bytes. */
        private String keyOf(ReadBundle.Entry e) {
            if (e.id() != null) {
                return e.resourceType() + "/" + e.id();
            }
            String fullUrl = e.fullUrl();
            if (fullUrl != null) {
                Matcher m = LITERAL.matcher(fullUrl);
                if (m.matches() && m.group(1) != null && m.group(2).equals(e.resourceType())) {
                    return e.resourceType() + "/" + m.group(3);
                }
                if (fullUrl.startsWith("urn:uuid:") || fullUrl.startsWith("urn:oid:")) {
                    return fullUrl;
                }
            }
            // "resource:0" (SMART Health Cards) or no fullUrl at all: unique only within these bytes
            return "bundle:" + bundle.sha256() + "#" + e.index();
        }

        Optional<String> lookUp(String type, Token token) {
            if (token.system == null || !MODELLED_TYPES.contains(type)) {
                return Optional.empty(); // "any system" cannot be looked up by digest
            }
            return known.byIdentifier(type, token.system, token.value);
        }
    }

    /** An identifier search token: {@code system|value}, {@code |value} (no system) or {@code value} (any system: system null). */
    private record Token(String system, String value) {
    }

    private static Token identifierToken(String query) {
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            if (eq <= 0 || !"identifier".equals(param.substring(0, eq))) {
                continue;
            }
            String token = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            String system = bar < 0 ? null : token.substring(0, bar);
            String value = bar < 0 ? token : token.substring(bar + 1);
            return value.isBlank() ? null : new Token(system, value);
        }
        return null;
    }

    /** Resolves the references of one entry and remembers what stayed unresolved and what was not kept. */
    private final class Trace {
        private final ReadBundle.Entry entry;
        private final BundleIndex index;
        final List<Unresolved> unresolved = new ArrayList<>();
        final List<String> notKept = new ArrayList<>();

        Trace(ReadBundle.Entry entry, BundleIndex index) {
            this.entry = entry;
            this.index = index;
        }

        void notKept(String element) {
            notKept.add(element);
        }

        /** A required reference to the patient: resolved, or the entry is refused. */
        String patient(org.hl7.fhir.r4.model.Reference ref, String element) {
            Target t = ref == null || ref.isEmpty() ? null : resolve(ref, element, "Patient");
            if (t == null || t.written == null && !t.resolved()) {
                throw new Refusal(element, element + " is required: every clinical record in bonfire belongs to a patient");
            }
            if (!t.resolved() && CONTAINED.equals(t.written)) {
                throw new Refusal(element, "the patient is a contained resource: bonfire keeps every patient as a record of its own");
            }
            if (!t.resolved()) {
                throw new Refusal(element, "the patient " + t.written + " is neither in the bundle nor imported before");
            }
            if (!"Patient".equals(t.type)) {
                throw new Refusal(element, "refers to a " + t.type + ": every clinical record in bonfire belongs to a patient");
            }
            return t.recordId;
        }

        /** An optional reference to an encounter: its record id, or null (counted) when it cannot be resolved. */
        String encounter(org.hl7.fhir.r4.model.Reference ref, String element) {
            Target t = resolve(ref, element, "Encounter");
            if (t == null || t.written == null && !t.resolved()) {
                return null;
            }
            if (!t.resolved()) {
                unresolved.add(new Unresolved(element, t.written, "not linked: the encounter is not in the bundle nor imported before"));
                return null;
            }
            if (!"Encounter".equals(t.type)) {
                unresolved.add(new Unresolved(element, t.type, "not linked: refers to a " + t.type + ", not an Encounter"));
                return null;
            }
            return t.recordId;
        }

        /**
         * Any other reference: resolved, or kept unresolved with its identifier or display (counted).
         * {@code usualType} is the target type assumed for a reference by identifier that names none.
         */
        Reference reference(org.hl7.fhir.r4.model.Reference ref, String element, String usualType) {
            Target t = resolve(ref, element, usualType);
            if (t == null) {
                return null;
            }
            if (t.resolved()) {
                return new Reference(t.type, t.recordId, null, t.display);
            }
            if (t.written == null) {
                return new Reference(t.type, null, t.identifier, t.display); // a display (or identifier) only: nothing to resolve
            }
            if (t.identifier == null && t.display == null) {
                unresolved.add(new Unresolved(element, t.written, "dropped: no identifier or display to keep"));
                return null;
            }
            unresolved.add(new Unresolved(element, t.written,
                    t.identifier != null ? "kept unresolved with its identifier" : "kept unresolved with its display"));
            return new Reference(t.type, null, t.identifier, t.display);
        }

        private Target resolve(org.hl7.fhir.r4.model.Reference ref, String element, String usualType) {
            if (ref == null || ref.isEmpty()) {
                return null;
            }
            String display = ref.hasDisplay() ? ref.getDisplay() : null;
            String declaredType = ref.hasType() ? ref.getType() : usualType;
            String written = ref.hasReference() ? ref.getReference() : null;
            if (written == null || written.isBlank()) {
                if (ref.hasIdentifier() && ref.getIdentifier().hasValue()) {
                    org.hl7.fhir.r4.model.Identifier id = ref.getIdentifier();
                    Token token = new Token(id.hasSystem() ? id.getSystem() : "", id.getValue());
                    return byIdentifier(declaredType, token, display, describe(declaredType, token));
                }
                return display == null ? null : new Target(declaredType, null, null, display, null);
            }
            if (written.startsWith("#")) {
                return new Target(declaredType, null, null, display, CONTAINED);
            }
            ReadBundle.Entry target = index.byFullUrl.get(HISTORY.matcher(written).replaceFirst(""));
            if (target != null) {
                return inBundle(target, display);
            }
            if (written.startsWith("urn:")) {
                throw new Refusal(element, "the reference " + written + " names no entry of the bundle");
            }
            int question = written.indexOf('?');
            if (question > 0) {
                String type = written.substring(0, question);
                Token token = identifierToken(written.substring(question + 1));
                if (token == null) {
                    return new Target(type, null, null, display, type + "?… (a search without identifier)");
                }
                return byIdentifier(type, token, display, describe(type, token));
            }
            Matcher m = LITERAL.matcher(written);
            if (m.matches()) {
                String type = m.group(2);
                String id = m.group(3);
                boolean absolute = m.group(1) != null;
                if (!absolute) {
                    ReadBundle.Entry local = index.byTypeAndId.get(type + "/" + id);
                    if (local != null) {
                        return inBundle(local, display);
                    }
                }
                if (MODELLED_TYPES.contains(type)) {
                    String recordId = recordIdOf(type, id);
                    Optional<RecordKind> kind = known.kindOf(recordId);
                    if (kind.isPresent()) {
                        return new Target(type, recordId, null, display, written);
                    }
                }
                Identifier identifier = absolute ? new Identifier("urn:ietf:rfc:3986", written, null) : null;
                return new Target(type, null, identifier, display, written);
            }
            return new Target(declaredType, null, null, display, "a reference of unknown form");
        }

        private Target inBundle(ReadBundle.Entry target, String display) {
            String recordId = index.recordId(target.index());
            if (recordId != null) {
                return new Target(target.resourceType(), recordId, null, display, "entry " + target.index());
            }
            return new Target(target.resourceType(), null, null, display,
                    "entry " + target.index() + " (" + target.resourceType() + ", not modelled)");
        }

        private Target byIdentifier(String type, Token token, String display, String written) {
            if (type != null) {
                ReadBundle.Entry holder = index.byIdentifier.get(new IdentifierKey(type, token.system, token.value));
                if (holder != null) {
                    return inBundle(holder, display);
                }
                Optional<String> known = index.lookUp(type, token);
                if (known.isPresent()) {
                    return new Target(type, known.get(), null, display, written);
                }
            }
            Identifier identifier = new Identifier(token.system == null || token.system.isEmpty() ? null : token.system, token.value, null);
            return new Target(type, null, identifier, display, written);
        }

        /** How a reference by identifier appears in a report: identifier values only for directory resources. */
        private String describe(String type, Token token) {
            String value = type != null && DIRECTORY_TYPES.contains(type) ? token.value : Redaction.MASK;
            String system = token.system == null ? "" : token.system + "|";
            return (type == null ? "?" : type) + "?identifier=" + system + value;
        }
    }
}
