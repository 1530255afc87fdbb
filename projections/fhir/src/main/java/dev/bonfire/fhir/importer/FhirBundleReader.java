package dev.bonfire.fhir.importer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bonfire.fhir.importer.ImportReport.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Reads FHIR R4 JSON strictly and validates it, before anything is mapped or stored. In order:
 * <ol>
 *   <li>a UTF-8 byte order mark is dropped; the rest must be well-formed UTF-8;</li>
 *   <li>strict JSON (RFC 8259): no duplicate property names, no unquoted names, no {@code 925.}, no comments,
 *       no trailing content — FHIR's JSON format requires it and lenient parsers silently keep the last
 *       duplicate;</li>
 *   <li>import rules HAPI does not check: Bundle.type is present and importable, entries carry resources,
 *       fullUrls are unique, ids match {@code [A-Za-z0-9\-.]{1,64}}, every {@code urn:uuid:}/{@code urn:oid:}
 *       reference points at an entry of the bundle;</li>
 *   <li>HAPI's R4 parser with a {@link StrictErrorHandler}: unknown elements, unknown resource types (STU3's
 *       ProcedureRequest, custom types), bad codes in required-binding enumerations fail;</li>
 *   <li>HAPI's {@link FhirInstanceValidator} (cardinality, object-vs-array, invariants, required bindings,
 *       data types) over the entries of modelled types: what is skipped is not stored, and leaving it out
 *       makes validation of Synthea bundles 2-5 times faster. A document bundle is validated whole (its
 *       rules need the Composition); errors inside resources of types that are not modelled are then counted
 *       but do not reject. Errors reject; warnings do not.</li>
 * </ol>
 * Thread-safe: one instance serves every import; the validator is built once (HAPI validators are
 * thread-safe; parsers are not and are made per call). The first validation takes seconds (loading the
 * R4 definitions): call {@link #warmUp()} at start-up.
 */
public final class FhirBundleReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern ENTRY_LOCATION = Pattern.compile("^Bundle\\.entry\\[(\\d+)](.*)$");
    private static final Pattern IN_RESOURCE = Pattern.compile("^\\.resource(?:/\\*.*?\\*/)?\\.?(.*)$");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");

    /** The Bundle types an import accepts, and why the others are refused. */
    static final Set<String> IMPORTABLE_TYPES = Set.of("transaction", "batch", "collection", "searchset", "document");
    private static final Map<String, String> REFUSED_TYPES = Map.of(
            "message", "a message bundle is an event for a receiving system to process, not records to import",
            "history", "a history bundle holds versions of records (and deletions), not current records",
            "transaction-response", "a response bundle holds the outcomes of requests, not records",
            "batch-response", "a response bundle holds the outcomes of requests, not records",
            "subscription-notification", "a notification bundle is an event, not records to import");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private static volatile FhirBundleReader shared;

    private final FhirContext fhir;
    private final FhirValidator validator;

    public FhirBundleReader() {
        this.fhir = FhirContext.forR4Cached();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        // Profiles such as US Core are not available offline: say so as a warning, do not reject the data.
        instanceValidator.setErrorForUnknownProfiles(false);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        this.validator = fhir.newValidator().registerValidatorModule(instanceValidator);
    }

    /** One reader for the process (the validator holds ~200 MB of R4 definitions once warm). */
    public static FhirBundleReader shared() {
        FhirBundleReader reader = shared;
        if (reader == null) {
            synchronized (FhirBundleReader.class) {
                reader = shared;
                if (reader == null) {
                    reader = new FhirBundleReader();
                    shared = reader;
                }
            }
        }
        return reader;
    }

    /** Loads the R4 definitions into the validator (several seconds the first time); call once at start-up. */
    public void warmUp() {
        validator.validateWithResult(WARM_UP);
    }

    /** A small bundle that touches what real imports touch: bundle rules, references, UCUM, LOINC, SNOMED, narrative. */
    private static final String WARM_UP = """
            {"resourceType":"Bundle","type":"transaction","entry":[
             {"fullUrl":"urn:uuid:0b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21","resource":{"resourceType":"Patient",
               "id":"0b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21","text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">x</div>"},
               "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},"system":"urn:x","value":"1"}],
               "name":[{"use":"official","family":"X"}],"gender":"unknown","birthDate":"2000-01-01",
               "maritalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"S"}]}},
              "request":{"method":"POST","url":"Patient"}},
             {"fullUrl":"urn:uuid:1b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21","resource":{"resourceType":"Encounter",
               "status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
               "type":[{"coding":[{"system":"http://snomed.info/sct","code":"185349003"}]}],
               "subject":{"reference":"urn:uuid:0b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21"},
               "period":{"start":"2020-01-01T10:00:00+00:00","end":"2020-01-01T10:15:00+00:00"}},
              "request":{"method":"POST","url":"Encounter"}},
             {"fullUrl":"urn:uuid:2b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21","resource":{"resourceType":"Observation","status":"final",
               "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
               "code":{"coding":[{"system":"http://loinc.org","code":"8302-2"}]},
               "subject":{"reference":"urn:uuid:0b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21"},
               "encounter":{"reference":"urn:uuid:1b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21"},
               "effectiveDateTime":"2020-01-01T10:00:00+00:00","issued":"2020-01-01T10:00:00.000+00:00",
               "valueQuantity":{"value":170.5,"unit":"cm","system":"http://unitsofmeasure.org","code":"cm"}},
              "request":{"method":"POST","url":"Observation"}},
             {"fullUrl":"urn:uuid:3b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21","resource":{"resourceType":"Condition",
               "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
               "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed"}]},
               "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006"}]},
               "subject":{"reference":"urn:uuid:0b0e7c57-1c1a-4a59-9e0c-3c1e0b7d9e21"},"onsetDateTime":"2019-01-01"},
              "request":{"method":"POST","url":"Condition"}}]}""";

    /** The R4 context (thread-safe, shared). */
    FhirContext fhirContext() {
        return fhir;
    }

    /**
     * Reads and validates the bytes.
     *
     * @throws InvalidBundleException with every problem found when the input is not importable
     */
    public ReadBundle read(byte[] bytes) {
        long start = System.nanoTime();
        String sha256 = RecordIds.sha256(bytes);
        String text = decodeUtf8(bytes);
        JsonNode root = strictJson(text);
        Redaction redaction = Redaction.of(root);

        JsonNode resourceTypeNode = root.get("resourceType");
        if (resourceTypeNode == null || !resourceTypeNode.isTextual()) {
            throw new InvalidBundleException(new Problem(null, null, null, null,
                    "not a FHIR resource: the JSON object has no \"resourceType\" string"));
        }
        boolean isBundle = "Bundle".equals(resourceTypeNode.textValue());
        List<Problem> problems = new ArrayList<>();
        List<EntryShape> shapes = isBundle ? bundleShape(root, problems) : List.of(singleShape(root, problems));
        String bundleType = isBundle ? root.path("type").asText(null) : null;
        checkLocalReferences(root, isBundle, shapes, problems);
        throwIfAny(problems);

        IBaseResource parsed = parseWithHapi(text, root, isBundle, shapes, redaction);
        List<ReadBundle.Entry> entries = new ArrayList<>(shapes.size());
        if (isBundle) {
            List<Bundle.BundleEntryComponent> hapiEntries = ((Bundle) parsed).getEntry();
            if (hapiEntries.size() != shapes.size()) {
                throw new InvalidBundleException(new Problem(null, null, "Bundle", "Bundle.entry",
                        "the parser found " + hapiEntries.size() + " entries where the JSON has " + shapes.size()));
            }
            for (EntryShape s : shapes) {
                Bundle.BundleEntryComponent hapiEntry = hapiEntries.get(s.index);
                Bundle.BundleEntryRequestComponent request = hapiEntry.getRequest();
                entries.add(new ReadBundle.Entry(s.index, s.fullUrl, s.resourceType, s.id, s.method,
                        request.hasUrl() ? request.getUrl() : null,
                        request.hasIfNoneExist() ? request.getIfNoneExist() : null,
                        hapiEntry.getResource()));
            }
        } else {
            EntryShape s = shapes.get(0);
            entries.add(new ReadBundle.Entry(0, null, s.resourceType, s.id, null, null, null, (Resource) parsed));
        }
        long read = System.nanoTime();

        Map<String, Integer> ignored = new TreeMap<>();
        boolean anythingModelled = isBundle || FhirMapper.MODELLED_TYPES.contains(shapes.get(0).resourceType);
        if (anythingModelled) {
            Validated what = isBundle ? modelledEntriesOnly(text, root, bundleType, shapes) : new Validated(text, null);
            validate(what, isBundle, entries, redaction, problems, ignored);
            throwIfAny(problems);
        }
        long validated = System.nanoTime();
        return new ReadBundle(sha256, bundleType, entries, ignored, (read - start) / 1_000_000, (validated - read) / 1_000_000);
    }

    private static String decodeUtf8(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBundleException(new Problem(null, null, null, null, "not UTF-8 text: FHIR JSON must be UTF-8"));
        }
    }

    private static JsonNode strictJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidBundleException(new Problem(null, null, null, null,
                    "not strict JSON" + where + ": " + Redaction.redactUnparsed(e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidBundleException(new Problem(null, null, null, null, "not a FHIR resource: the JSON text is not an object"));
        }
        return root;
    }

    private record EntryShape(int index, String fullUrl, String resourceType, String id, String method) {
    }

    private static EntryShape singleShape(JsonNode resource, List<Problem> problems) {
        String type = resource.get("resourceType").textValue();
        String id = idOf(resource, null, type, problems, null);
        return new EntryShape(0, null, type, id, null);
    }

    private static List<EntryShape> bundleShape(JsonNode bundle, List<Problem> problems) {
        idOf(bundle, null, "Bundle", problems, null);
        JsonNode bundleType = bundle.get("type");
        if (bundleType == null || !bundleType.isTextual()) {
            problems.add(new Problem(null, null, "Bundle", "Bundle.type",
                    "Bundle.type is required; importable types are " + String.join(", ", sorted(IMPORTABLE_TYPES))));
        } else if (!IMPORTABLE_TYPES.contains(bundleType.textValue())) {
            String why = REFUSED_TYPES.getOrDefault(bundleType.textValue(), "not a Bundle.type of FHIR R4");
            problems.add(new Problem(null, null, "Bundle", "Bundle.type", "Bundle.type " + bundleType.textValue() + " is not importable: " + why));
        }
        JsonNode entryNode = bundle.get("entry");
        List<EntryShape> shapes = new ArrayList<>();
        if (entryNode == null) {
            return shapes;
        }
        if (!entryNode.isArray()) {
            problems.add(new Problem(null, null, "Bundle", "Bundle.entry", "Bundle.entry must be a JSON array"));
            return shapes;
        }
        Set<String> fullUrls = new HashSet<>();
        for (int i = 0; i < entryNode.size(); i++) {
            JsonNode entry = entryNode.get(i);
            String fullUrl = entry.path("fullUrl").isTextual() ? entry.get("fullUrl").textValue() : null;
            String method = entry.path("request").path("method").isTextual() ? entry.path("request").get("method").textValue() : null;
            JsonNode resource = entry.get("resource");
            String type = null;
            String id = null;
            if (resource != null && resource.isObject() && resource.path("resourceType").isTextual()) {
                type = resource.get("resourceType").textValue();
                id = idOf(resource, i, type, problems, fullUrl);
            } else if (resource != null) {
                problems.add(new Problem(i, fullUrl, null, "Bundle.entry[" + i + "].resource", "the entry's resource has no \"resourceType\""));
            } else if (method == null || !Set.of("DELETE", "GET", "HEAD").contains(method)) {
                problems.add(new Problem(i, fullUrl, null, "Bundle.entry[" + i + "]", "the entry has no resource"));
            } else {
                type = typeOfRequestUrl(entry.path("request").path("url").asText(""));
            }
            if (fullUrl != null && !fullUrls.add(fullUrl)) {
                problems.add(new Problem(i, fullUrl, type, "Bundle.entry[" + i + "].fullUrl", "the fullUrl is used by an earlier entry"));
            }
            shapes.add(new EntryShape(i, fullUrl, type, id, method));
        }
        return shapes;
    }

    private static String idOf(JsonNode resource, Integer index, String type, List<Problem> problems, String fullUrl) {
        JsonNode id = resource.get("id");
        if (id == null) {
            return null;
        }
        if (!id.isTextual() || !ID.matcher(id.textValue()).matches()) {
            problems.add(new Problem(index, fullUrl, type, type + ".id",
                    "the resource id must be 1 to 64 of A-Z, a-z, 0-9, '-' and '.'"));
            return null;
        }
        return id.textValue();
    }

    private static String typeOfRequestUrl(String url) {
        String path = url.replaceFirst("^[a-z]+://[^/]+(/[^?]*?)?/(?=[A-Z])", "");
        int end = 0;
        while (end < path.length() && Character.isLetter(path.charAt(end))) {
            end++;
        }
        return end == 0 ? null : path.substring(0, end);
    }

    /** Every urn:uuid / urn:oid reference must name an entry of this bundle: otherwise it points at nothing. */
    private static void checkLocalReferences(JsonNode root, boolean isBundle, List<EntryShape> shapes, List<Problem> problems) {
        Set<String> fullUrls = new HashSet<>();
        shapes.forEach(s -> {
            if (s.fullUrl != null) {
                fullUrls.add(s.fullUrl);
            }
        });
        if (isBundle) {
            JsonNode entries = root.path("entry");
            for (EntryShape s : shapes) {
                JsonNode resource = entries.get(s.index).get("resource");
                if (resource != null) {
                    walkReferences(resource, s.resourceType, s, fullUrls, problems);
                }
            }
        } else {
            walkReferences(root, shapes.get(0).resourceType, shapes.get(0), fullUrls, problems);
        }
    }

    private static void walkReferences(JsonNode node, String path, EntryShape entry, Set<String> fullUrls, List<Problem> problems) {
        if (node.isObject()) {
            JsonNode reference = node.get("reference");
            if (reference != null && reference.isTextual()) {
                String ref = reference.textValue();
                if ((ref.startsWith("urn:uuid:") || ref.startsWith("urn:oid:")) && !fullUrls.contains(ref)) {
                    problems.add(new Problem(entry.index, entry.fullUrl, entry.resourceType, path,
                            "the reference " + ref + " names no entry of the bundle"));
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (value.isObject() && "Bundle".equals(value.path("resourceType").asText())) {
                    continue; // a bundle inside a resource resolves its references against itself
                }
                walkReferences(value, path + "." + field.getKey(), entry, fullUrls, problems);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                walkReferences(child, path, entry, fullUrls, problems);
            }
        }
    }

    private IBaseResource parseWithHapi(String text, JsonNode root, boolean isBundle, List<EntryShape> shapes, Redaction redaction) {
        try {
            return strictParser().parseResource(text);
        } catch (DataFormatException e) {
            if (isBundle) {
                // name the entry: parse the entries one by one (only on failure, so the cost does not matter)
                JsonNode entries = root.path("entry");
                for (EntryShape s : shapes) {
                    JsonNode resource = entries.get(s.index).get("resource");
                    if (resource == null) {
                        continue;
                    }
                    try {
                        strictParser().parseResource(JSON.writeValueAsString(resource));
                    } catch (DataFormatException | JsonProcessingException inEntry) {
                        throw new InvalidBundleException(new Problem(s.index, s.fullUrl, s.resourceType, null,
                                "not valid FHIR R4: " + redaction.redact(inEntry.getMessage())));
                    }
                }
            }
            throw new InvalidBundleException(new Problem(null, null, null, null, "not valid FHIR R4: " + redaction.redact(e.getMessage())));
        }
    }

    private ca.uhn.fhir.parser.IParser strictParser() {
        return fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** The text given to the validator, and for each of its entries the entry's position in the received bundle. */
    private record Validated(String text, int[] originalIndex) {
        int original(int index) {
            return originalIndex == null || index >= originalIndex.length ? index : originalIndex[index];
        }
    }

    /**
     * The bundle as the validator sees it: only the entries of modelled types. What is skipped is not
     * stored, and Synthea's Claims and ExplanationOfBenefits are where the instance validator spends most
     * of its time (measured 2-5x faster on the Synthea set). The strict parse above still covered every
     * entry. A document bundle is validated whole: its rules need the Composition first.
     */
    private static Validated modelledEntriesOnly(String text, JsonNode root, String bundleType, List<EntryShape> shapes) {
        boolean allModelled = shapes.stream().allMatch(s -> FhirMapper.MODELLED_TYPES.contains(s.resourceType));
        if ("document".equals(bundleType) || allModelled) {
            return new Validated(text, null);
        }
        ObjectNode copy = root.deepCopy();
        ArrayNode kept = JSON.createArrayNode();
        JsonNode entries = root.path("entry");
        List<Integer> originals = new ArrayList<>();
        for (EntryShape s : shapes) {
            if (FhirMapper.MODELLED_TYPES.contains(s.resourceType) && entries.get(s.index).has("resource")) {
                kept.add(entries.get(s.index));
                originals.add(s.index);
            }
        }
        if (kept.isEmpty()) {
            copy.remove("entry"); // FHIR JSON has no empty arrays
        } else {
            copy.set("entry", kept);
        }
        try {
            return new Validated(JSON.writeValueAsString(copy), originals.stream().mapToInt(Integer::intValue).toArray());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the bundle for validation", e);
        }
    }

    private void validate(Validated validated, boolean isBundle, List<ReadBundle.Entry> entries, Redaction redaction,
                          List<Problem> problems, Map<String, Integer> ignored) {
        List<SingleValidationMessage> messages = validator.validateWithResult(validated.text()).getMessages();
        for (SingleValidationMessage m : messages) {
            if (m.getSeverity() != ResultSeverityEnum.ERROR && m.getSeverity() != ResultSeverityEnum.FATAL) {
                continue;
            }
            String location = m.getLocationString();
            Integer index = null;
            String path = location;
            if (isBundle && location != null) {
                Matcher matcher = ENTRY_LOCATION.matcher(location);
                if (matcher.matches()) {
                    index = validated.original(Integer.parseInt(matcher.group(1)));
                    ReadBundle.Entry entry = index < entries.size() ? entries.get(index) : null;
                    String type = entry == null ? null : entry.resourceType();
                    Matcher inResource = IN_RESOURCE.matcher(matcher.group(2));
                    if (type != null && inResource.matches()) {
                        path = inResource.group(1).isEmpty() ? type : type + "." + COMMENT.matcher(inResource.group(1)).replaceAll("");
                    } else {
                        path = "Bundle.entry[" + index + "]" + matcher.group(2);
                    }
                }
            } else if (!isBundle) {
                index = 0;
            }
            ReadBundle.Entry entry = index == null || index >= entries.size() ? null : entries.get(index);
            if (entry != null && !FhirMapper.MODELLED_TYPES.contains(entry.resourceType())) {
                ignored.merge(String.valueOf(entry.resourceType()), 1, Integer::sum);
                continue;
            }
            problems.add(new Problem(isBundle ? index : null, entry == null ? null : entry.fullUrl(),
                    entry == null ? (isBundle ? "Bundle" : null) : entry.resourceType(),
                    path == null ? null : COMMENT.matcher(path).replaceAll(""),
                    redaction.redact(m.getMessage())));
        }
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems.size() > ImportReport.MAX_PROBLEMS
                    ? problems.subList(0, ImportReport.MAX_PROBLEMS) : problems);
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** Counts problems per type for a report. */
    static Map<String, Integer> countByType(List<Problem> problems) {
        Map<String, Integer> counts = new HashMap<>();
        problems.forEach(p -> counts.merge(p.resourceType() == null ? "Bundle" : p.resourceType(), 1, Integer::sum));
        return counts;
    }
}
