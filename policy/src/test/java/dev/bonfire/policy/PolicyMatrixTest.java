package dev.bonfire.policy;

import static dev.bonfire.domain.common.RecordKind.BREAK_GLASS;
import static dev.bonfire.domain.common.RecordKind.CARE_TEAM;
import static dev.bonfire.domain.common.RecordKind.CLINICAL_NOTE;
import static dev.bonfire.domain.common.RecordKind.CONDITION;
import static dev.bonfire.domain.common.RecordKind.CONSENT;
import static dev.bonfire.domain.common.RecordKind.DEMOGRAPHICS;
import static dev.bonfire.domain.common.RecordKind.DIRECTORY;
import static dev.bonfire.domain.common.RecordKind.ENCOUNTER;
import static dev.bonfire.domain.common.RecordKind.OBSERVATION;
import static dev.bonfire.domain.common.RecordKind.PSYCHOTHERAPY_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.common.RecordKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of the policy: role × record kind × care-team assignment × consent × consent model ×
 * action, decided by the real engine over in-memory state, and compared with an oracle written from
 * the rules in plain words (below), not from the engine. The roles' grants are written out here too,
 * so a change to the defaults shows up as a failing cell.
 */
class PolicyMatrixTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String TENANT = "tenant-a";
    private static final String PATIENT = "patient-1";
    private static final String CALLER = "user-1";
    private static final String UNKNOWN_ROLE = "auditor";

    enum Assignment { ASSIGNED, NOT_ASSIGNED }

    enum Consent { ACTIVE, WITHDRAWN, ABSENT }

    // --- the default policy, as the issue and the README describe it ---

    private static final Set<RecordKind> CLINICAL = EnumSet.of(ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE);
    private static final Set<RecordKind> CLINICAL_READS = union(CLINICAL, EnumSet.of(DEMOGRAPHICS, DIRECTORY, CARE_TEAM, CONSENT));

    private static final Map<String, Set<RecordKind>> READS = Map.of(
            RolePolicy.CLINICIAN, CLINICAL_READS,
            RolePolicy.PSYCHOTHERAPIST, CLINICAL_READS,
            RolePolicy.FRONT_DESK, EnumSet.of(DEMOGRAPHICS, DIRECTORY, CARE_TEAM, CONSENT),
            RolePolicy.IMPORTER, EnumSet.noneOf(RecordKind.class),
            RolePolicy.ADMIN, EnumSet.of(DIRECTORY, CARE_TEAM));

    private static final Map<String, Set<RecordKind>> WRITES = Map.of(
            RolePolicy.CLINICIAN, CLINICAL,
            RolePolicy.PSYCHOTHERAPIST, union(CLINICAL, EnumSet.of(PSYCHOTHERAPY_NOTE)),
            RolePolicy.FRONT_DESK, EnumSet.of(DEMOGRAPHICS, CARE_TEAM, CONSENT),
            RolePolicy.IMPORTER, union(CLINICAL, EnumSet.of(DEMOGRAPHICS, DIRECTORY)),
            RolePolicy.ADMIN, EnumSet.of(DIRECTORY, CARE_TEAM));

    private static final Set<String> CARE_TEAM_ONLY = Set.of(RolePolicy.CLINICIAN, RolePolicy.PSYCHOTHERAPIST);

    /** What the rules say, in the order the issue states them; the caller's purpose is TREAT in every cell. */
    static Decision.Outcome expectedOutcome(String role, RecordKind kind, Assignment assignment, Consent consent,
                                            TenantPolicy.ConsentModel model, Action action, StringBuilder rule) {
        Set<RecordKind> reads = READS.getOrDefault(role, Set.of());
        Set<RecordKind> writes = WRITES.getOrDefault(role, Set.of());
        boolean write = action == Action.WRITE;

        // Opening break-the-glass is for allowed roles with the emergency purpose only; TREAT is never enough.
        if (kind == BREAK_GLASS && write) {
            return deny(rule, AccessGate.BREAK_THE_GLASS);
        }
        // Psychotherapy notes: whoever may write them writes their own; reading another's note, or
        // searching notes (which would show others'), needs the kind granted for reading explicitly.
        // The note in every cell was written by someone else.
        if (kind == PSYCHOTHERAPY_NOTE) {
            if (write ? !writes.contains(kind) : !reads.contains(kind)) {
                return deny(rule, !write && writes.contains(kind) ? AccessGate.PSYCHOTHERAPY_AUTHOR : AccessGate.MINIMUM_NECESSARY);
            }
        } else if (!(write ? writes : reads).contains(kind)) {
            // Minimum necessary: a role reads and writes only its kinds; an unknown role has none.
            return deny(rule, AccessGate.MINIMUM_NECESSARY);
        }
        // The directory holds no patient: nothing more to ask.
        if (kind == DIRECTORY) {
            return permit(rule, AccessGate.ROLE_GRANT);
        }
        // Consent for the purpose: withdrawn closes the patient; absent closes it only under opt-in.
        // Consents themselves are how consent is given and taken back, so they are never behind it.
        if (kind != CONSENT && (consent == Consent.WITHDRAWN
                || (consent == Consent.ABSENT && model == TenantPolicy.ConsentModel.OPT_IN))) {
            return deny(rule, AccessGate.CONSENT);
        }
        // Patient scope: clinicians and psychotherapists reach only patients of their care team.
        if (CARE_TEAM_ONLY.contains(role) && assignment == Assignment.NOT_ASSIGNED) {
            return deny(rule, AccessGate.PATIENT_SCOPE);
        }
        return permit(rule, AccessGate.ROLE_GRANT);
    }

    /**
     * Every decision about a patient locks the patient's row; writes that change who may reach the
     * patient (consents, care team) lock it for change, everything else for share.
     */
    static String[] expectedLock(RecordKind kind, Action action) {
        if (kind == DIRECTORY) {
            return new String[0];
        }
        boolean changesReach = action == Action.WRITE && (kind == CONSENT || kind == CARE_TEAM);
        return new String[] {(changesReach ? "change " : "share ") + TENANT + "/" + PATIENT};
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        List<String> roles = List.of(RolePolicy.CLINICIAN, RolePolicy.PSYCHOTHERAPIST, RolePolicy.FRONT_DESK,
                RolePolicy.IMPORTER, RolePolicy.ADMIN, UNKNOWN_ROLE);
        for (String role : roles) {
            for (RecordKind kind : RecordKind.values()) {
                for (Assignment assignment : Assignment.values()) {
                    for (Consent consent : Consent.values()) {
                        for (TenantPolicy.ConsentModel model : TenantPolicy.ConsentModel.values()) {
                            for (Action action : List.of(Action.WRITE, Action.READ, Action.SEARCH, Action.HISTORY)) {
                                StringBuilder rule = new StringBuilder();
                                Decision.Outcome outcome = expectedOutcome(role, kind, assignment, consent, model, action, rule);
                                cells.add(Arguments.of(role, kind, assignment, consent, model, action, outcome, rule.toString()));
                            }
                        }
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {5} {1}, {2}, consent {3} under {4} -> {6} by {7}")
    @MethodSource("cells")
    void everyCellIsDecidedByTheRuleTheOracleNames(String role, RecordKind kind, Assignment assignment, Consent consent,
                                                   TenantPolicy.ConsentModel model, Action action,
                                                   Decision.Outcome expected, String expectedRule) {
        InMemoryPolicyState state = stateFor(assignment, consent, model);
        AccessGate gate = new AccessGate(state, Clock.fixed(NOW, ZoneOffset.UTC));
        Caller caller = new Caller(TENANT, CALLER, role, "TREAT", "matrix-test");

        Decision decision = gate.decide(requestFor(caller, kind, action));

        String cell = role + " " + action + " " + kind + ", " + assignment + ", consent " + consent + " under " + model;
        assertThat(decision.outcome()).as("%s: outcome; decision was %s", cell, decision).isEqualTo(expected);
        assertThat(decision.rule()).as("%s: deciding rule; decision was %s", cell, decision).isEqualTo(expectedRule);
        assertThat(decision.reason()).isNotBlank();
        assertThat(decision.breakGlassReason()).isNull();
        assertThat(state.locks()).as("%s: the patient's row is locked for every decision about the patient", cell)
                .containsExactly(expectedLock(kind, action));
    }

    @Test
    void theTableCoversEveryCell() {
        assertThat(cells()).hasSize(6 * RecordKind.values().length * 2 * 3 * 2 * 4);
        assertThat(cells().map(a -> a.get()[6]).distinct()).containsExactlyInAnyOrder(Decision.Outcome.PERMIT, Decision.Outcome.DENY);
        assertThat(cells().map(a -> a.get()[7]).distinct()).containsExactlyInAnyOrder(AccessGate.MINIMUM_NECESSARY,
                AccessGate.PSYCHOTHERAPY_AUTHOR, AccessGate.CONSENT, AccessGate.PATIENT_SCOPE, AccessGate.BREAK_THE_GLASS,
                AccessGate.ROLE_GRANT);
    }

    /** The written-out grants are the engine's defaults (so the oracle speaks about the same policy). */
    @Test
    void theOraclesGrantsAreTheDefaults() {
        TenantPolicy defaults = TenantPolicy.defaults();
        assertThat(defaults.roles().roles()).containsExactlyInAnyOrderElementsOf(READS.keySet());
        READS.forEach((role, kinds) -> assertThat(defaults.roles().grantOf(role).orElseThrow().reads()).as(role).isEqualTo(kinds));
        WRITES.forEach((role, kinds) -> assertThat(defaults.roles().grantOf(role).orElseThrow().writes()).as(role).isEqualTo(kinds));
        assertThat(defaults.assignmentRequiredRoles()).isEqualTo(CARE_TEAM_ONLY);
        assertThat(defaults.consentModel()).isEqualTo(TenantPolicy.ConsentModel.OPT_OUT);
    }

    private static InMemoryPolicyState stateFor(Assignment assignment, Consent consent, TenantPolicy.ConsentModel model) {
        TenantPolicy defaults = TenantPolicy.defaults();
        InMemoryPolicyState state = new InMemoryPolicyState()
                .policy(TENANT, new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(), defaults.breakGlassRoles(),
                        defaults.breakGlassWindow(), model))
                .patientRegistered(TENANT, PATIENT)
                .record(TENANT, "directory-1", DIRECTORY, null, "someone-else")
                // noise that must not count: another patient's withdrawal, another purpose's withdrawal,
                // another tenant's assignment of the same user to a patient with the same id
                .patientRegistered(TENANT, "patient-2")
                .consentGranted(TENANT, "consent-other-patient", "patient-2", "TREAT")
                .consentWithdrawn(TENANT, "consent-other-patient")
                .consentGranted(TENANT, "consent-other-purpose", PATIENT, "HPAYMT")
                .consentWithdrawn(TENANT, "consent-other-purpose")
                .patientRegistered("tenant-b", PATIENT)
                .assigned("tenant-b", "assignment-b", PATIENT, CALLER);
        for (RecordKind kind : RecordKind.values()) {
            if (kind != DEMOGRAPHICS && kind != DIRECTORY) {
                state.record(TENANT, existingId(kind), kind, PATIENT, "someone-else");
            }
        }
        if (assignment == Assignment.ASSIGNED) {
            state.assigned(TENANT, "assignment-1", PATIENT, CALLER);
        }
        if (consent != Consent.ABSENT) {
            state.consentGranted(TENANT, "consent-1", PATIENT, "TREAT");
        }
        if (consent == Consent.WITHDRAWN) {
            state.consentWithdrawn(TENANT, "consent-1");
        }
        return state;
    }

    /**
     * WRITE creates a new record of the kind (for demographics: changes the registered patient's);
     * READ and HISTORY address the existing record of the kind; SEARCH asks for the patient's records of
     * the kind. Directory records belong to no patient.
     */
    private static AccessRequest requestFor(Caller caller, RecordKind kind, Action action) {
        String patient = kind == DIRECTORY ? null : PATIENT;
        return switch (action) {
            case WRITE -> kind == DEMOGRAPHICS
                    ? new AccessRequest(caller, action, kind, PATIENT, PATIENT, false)
                    : new AccessRequest(caller, action, kind, patient, "new-record", true);
            case SEARCH -> AccessRequest.read(caller, action, kind, patient);
            default -> new AccessRequest(caller, action, kind, patient, existingId(kind), false);
        };
    }

    private static String existingId(RecordKind kind) {
        return switch (kind) {
            case DEMOGRAPHICS -> PATIENT;
            case DIRECTORY -> "directory-1";
            default -> "existing-" + kind.name().toLowerCase();
        };
    }

    private static Decision.Outcome deny(StringBuilder rule, String name) {
        rule.append(name);
        return Decision.Outcome.DENY;
    }

    private static Decision.Outcome permit(StringBuilder rule, String name) {
        rule.append(name);
        return Decision.Outcome.PERMIT;
    }

    private static Set<RecordKind> union(Set<RecordKind> a, Set<RecordKind> b) {
        EnumSet<RecordKind> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
