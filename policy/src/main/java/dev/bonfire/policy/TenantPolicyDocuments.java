package dev.bonfire.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file format of a tenant policy (JSON):
 * <pre>{@code
 * {
 *   "roles": {
 *     "clinician":  {"reads": ["DEMOGRAPHICS", "OBSERVATION", ...], "writes": ["OBSERVATION", ...]},
 *     "front-desk": {"reads": ["DEMOGRAPHICS"], "writes": ["DEMOGRAPHICS"]}
 *   },
 *   "assignmentRequired": ["clinician"],
 *   "breakGlass": {"roles": ["clinician"], "minutes": 60},
 *   "consent": {"model": "opt-out"}
 * }
 * }</pre>
 * Record kinds are the names of {@link RecordKind}. Unknown fields, unknown kinds and missing sections
 * are errors: a policy is never half-read.
 */
public final class TenantPolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private TenantPolicyDocuments() {
    }

    /** The document as written in files and in {@code TenantPolicyChanged} events. */
    public record Document(Map<String, Grant> roles, List<String> assignmentRequired, BreakGlass breakGlass, Consent consent) {
    }

    /** One role's grants. */
    public record Grant(List<RecordKind> reads, List<RecordKind> writes) {
    }

    /** Who may break the glass, and for how long. */
    public record BreakGlass(List<String> roles, int minutes) {
    }

    /** {@code opt-in} or {@code opt-out}. */
    public record Consent(String model) {
    }

    /** Reads and checks a policy document. */
    public static TenantPolicy parse(String json) {
        Document document;
        try {
            document = JSON.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException("not a valid policy document: " + e.getOriginalMessage());
        }
        if (document == null) {
            throw new InvalidCommandException("not a valid policy document: empty");
        }
        RolePolicy.Builder roles = RolePolicy.builder();
        document.roles().forEach((role, grant) -> {
            if (role.isBlank() || grant == null) {
                throw new InvalidCommandException("roles: every role needs a name and its reads and writes");
            }
            roles.role(role)
                    .reads(elements(grant.reads(), "roles." + role + ".reads"))
                    .writes(elements(grant.writes(), "roles." + role + ".writes"));
        });
        Set<String> assignmentRequired = knownRoles(document, document.assignmentRequired(), "assignmentRequired");
        Set<String> breakGlassRoles = knownRoles(document, document.breakGlass().roles(), "breakGlass.roles");
        TenantPolicy.ConsentModel model = switch (document.consent().model()) {
            case "opt-in" -> TenantPolicy.ConsentModel.OPT_IN;
            case "opt-out" -> TenantPolicy.ConsentModel.OPT_OUT;
            default -> throw new InvalidCommandException("consent.model must be opt-in or opt-out");
        };
        try {
            return new TenantPolicy(roles.build(), assignmentRequired, breakGlassRoles,
                    Duration.ofMinutes(document.breakGlass().minutes()), model);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException(e.getMessage());
        }
    }

    private static <T> Set<T> elements(List<T> list, String field) {
        if (list.contains(null)) {
            throw new InvalidCommandException(field + " must not contain null");
        }
        return Set.copyOf(list);
    }

    /** A role named here but not defined under roles is almost surely a typo, and would silently lift a restriction. */
    private static Set<String> knownRoles(Document document, List<String> names, String field) {
        Set<String> roles = elements(names, field);
        for (String role : roles) {
            if (!document.roles().containsKey(role)) {
                throw new InvalidCommandException(field + " names role '" + role + "' that roles does not define");
            }
        }
        return roles;
    }

    /** Writes a policy in the document format (stable order, so equal policies give equal text). */
    public static String write(TenantPolicy policy) {
        Map<String, Grant> roles = new TreeMap<>();
        policy.roles().grants().forEach((role, grant) -> roles.put(role,
                new Grant(List.copyOf(new TreeSet<>(grant.reads())), List.copyOf(new TreeSet<>(grant.writes())))));
        Document document = new Document(roles,
                List.copyOf(new TreeSet<>(policy.assignmentRequiredRoles())),
                new BreakGlass(List.copyOf(new TreeSet<>(policy.breakGlassRoles())), (int) policy.breakGlassWindow().toMinutes()),
                new Consent(policy.consentModel() == TenantPolicy.ConsentModel.OPT_IN ? "opt-in" : "opt-out"));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
