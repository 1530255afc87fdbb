package dev.bonfire.policy;

import static dev.bonfire.domain.common.RecordKind.CARE_TEAM;
import static dev.bonfire.domain.common.RecordKind.CLINICAL_NOTE;
import static dev.bonfire.domain.common.RecordKind.CONDITION;
import static dev.bonfire.domain.common.RecordKind.CONSENT;
import static dev.bonfire.domain.common.RecordKind.DEMOGRAPHICS;
import static dev.bonfire.domain.common.RecordKind.DIRECTORY;
import static dev.bonfire.domain.common.RecordKind.ENCOUNTER;
import static dev.bonfire.domain.common.RecordKind.OBSERVATION;
import static dev.bonfire.domain.common.RecordKind.PSYCHOTHERAPY_NOTE;

import dev.bonfire.domain.common.RecordKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which role may read and write which record kinds. A role that is not listed may do nothing. */
public final class RolePolicy {

    public static final String CLINICIAN = "clinician";
    public static final String PSYCHOTHERAPIST = "psychotherapist";
    public static final String FRONT_DESK = "front-desk";
    public static final String IMPORTER = "importer";
    public static final String ADMIN = "admin";

    private final Map<String, RoleGrant> grants;

    private RolePolicy(Map<String, RoleGrant> grants) {
        this.grants = Map.copyOf(grants);
    }

    public Optional<RoleGrant> grantOf(String role) {
        return Optional.ofNullable(role == null ? null : grants.get(role));
    }

    public Set<String> roles() {
        return grants.keySet();
    }

    /**
     * The roles a new tenant starts with: clinicians work on the clinical record, psychotherapists also
     * write psychotherapy notes (and read only their own: no role is granted reading them explicitly),
     * front desk keeps demographics, care teams and consents, the importer writes what imports bring,
     * and admins keep the directory and care teams.
     */
    public static RolePolicy defaults() {
        Set<RecordKind> clinical = Set.of(ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE);
        Set<RecordKind> clinicalReads = union(clinical, Set.of(DEMOGRAPHICS, DIRECTORY, CARE_TEAM, CONSENT));
        return builder()
                .role(CLINICIAN).reads(clinicalReads).writes(clinical)
                .role(PSYCHOTHERAPIST).reads(clinicalReads).writes(union(clinical, Set.of(PSYCHOTHERAPY_NOTE)))
                .role(FRONT_DESK).reads(Set.of(DEMOGRAPHICS, DIRECTORY, CARE_TEAM, CONSENT)).writes(Set.of(DEMOGRAPHICS, CARE_TEAM, CONSENT))
                .role(IMPORTER).reads(Set.of()).writes(union(clinical, Set.of(DEMOGRAPHICS, DIRECTORY)))
                .role(ADMIN).reads(Set.of(DIRECTORY, CARE_TEAM)).writes(Set.of(DIRECTORY, CARE_TEAM))
                .build();
    }

    /** The grants of every role, for writing a policy document. */
    public Map<String, RoleGrant> grants() {
        return grants;
    }

    private static Set<RecordKind> union(Set<RecordKind> a, Set<RecordKind> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a policy role by role: {@code builder().role("x").reads(...).writes(...).build()}. */
    public static final class Builder {
        private final Map<String, RoleGrant> grants = new LinkedHashMap<>();
        private String role;
        private Set<RecordKind> reads = Set.of();

        public Builder role(String name) {
            this.role = name;
            this.reads = Set.of();
            return this;
        }

        public Builder reads(Set<RecordKind> kinds) {
            this.reads = kinds;
            return this;
        }

        public Builder writes(Set<RecordKind> kinds) {
            if (role == null) {
                throw new IllegalStateException("role(...) first");
            }
            grants.put(role, new RoleGrant(reads, kinds));
            role = null;
            return this;
        }

        public RolePolicy build() {
            return new RolePolicy(grants);
        }
    }
}
