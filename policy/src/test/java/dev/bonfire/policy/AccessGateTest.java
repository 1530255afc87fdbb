package dev.bonfire.policy;

import static dev.bonfire.domain.common.RecordKind.BREAK_GLASS;
import static dev.bonfire.domain.common.RecordKind.CONSENT;
import static dev.bonfire.domain.common.RecordKind.DEMOGRAPHICS;
import static dev.bonfire.domain.common.RecordKind.OBSERVATION;
import static dev.bonfire.domain.common.RecordKind.PSYCHOTHERAPY_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.common.RecordKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given–when–then for the rules the matrix cannot show cell by cell: tenancy, authorship, break-the-glass, consent over time. */
class AccessGateTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String A = "tenant-a";
    private static final String B = "tenant-b";
    private static final String PATIENT = "patient-1";
    private static final String OBSERVATION_ID = "observation-1";
    private static final String REASON = "unconscious in the emergency room";

    private final InMemoryPolicyState state = new InMemoryPolicyState()
            .patientRegistered(A, PATIENT)
            .record(A, OBSERVATION_ID, OBSERVATION, PATIENT, "dr-1");
    private final AccessGate gate = new AccessGate(state, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Caller caller(String tenant, String actor, String role) {
        return caller(tenant, actor, role, "TREAT");
    }

    private static Caller caller(String tenant, String actor, String role, String purpose) {
        return new Caller(tenant, actor, role, purpose, "gate-test");
    }

    private static AccessRequest read(Caller caller, String patientId, String recordId) {
        return new AccessRequest(caller, Action.READ, null, patientId, recordId, false);
    }

    private static AccessRequest write(Caller caller, String patientId, String recordId) {
        return new AccessRequest(caller, Action.WRITE, null, patientId, recordId, false);
    }

    private static AccessRequest create(Caller caller, RecordKind kind, String patientId, String recordId) {
        return new AccessRequest(caller, Action.WRITE, kind, patientId, recordId, true);
    }

    private static void assertDecision(Decision decision, Decision.Outcome outcome, String rule) {
        assertThat(decision.outcome()).as("decision %s", decision).isEqualTo(outcome);
        assertThat(decision.rule()).as("decision %s", decision).isEqualTo(rule);
        assertThat(decision.reason()).isNotBlank();
    }

    @Nested
    class Tenancy {

        @Test
        void anotherTenantsRecord_isNotFound_exactlyLikeOneThatNeverExisted() {
            state.patientRegistered(B, "patient-b").record(B, "observation-b", OBSERVATION, "patient-b", "dr-b");
            Caller clinician = caller(A, "dr-1", "clinician");
            state.assigned(A, "assignment-1", PATIENT, "dr-1");

            Decision foreign = gate.decide(read(clinician, null, "observation-b"));
            Decision neverExisted = gate.decide(read(clinician, null, "no-such-record"));

            assertDecision(foreign, Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
            assertThat(foreign).isEqualTo(neverExisted);
        }

        @Test
        void anotherTenantsPatient_isNotFound_forEveryAction_evenForAnAdminOfTheSameName() {
            state.patientRegistered(B, "patient-b");
            Caller admin = caller(A, "admin-1", "admin");

            for (Action action : Action.values()) {
                assertDecision(gate.decide(AccessRequest.read(admin, action, RecordKind.CARE_TEAM, "patient-b")),
                        Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
            }
            assertDecision(gate.decide(create(admin, RecordKind.CARE_TEAM, "patient-b", "assignment-x")),
                    Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
        }

        @Test
        void aRecordThatIsNotAPatient_cannotBeUsedAsOne() {
            Caller clinician = caller(A, "dr-1", "clinician");
            state.assigned(A, "assignment-1", PATIENT, "dr-1");

            assertDecision(gate.decide(AccessRequest.read(clinician, Action.SEARCH, OBSERVATION, OBSERVATION_ID)),
                    Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
        }

        @Test
        void aRecordAddressedThroughAnotherPatient_isNotFound() {
            state.patientRegistered(A, "patient-2").assigned(A, "assignment-1", PATIENT, "dr-1").assigned(A, "assignment-2", "patient-2", "dr-1");
            Caller clinician = caller(A, "dr-1", "clinician");

            Decision decision = gate.decide(read(clinician, "patient-2", OBSERVATION_ID));

            assertDecision(decision, Decision.Outcome.NOT_FOUND, AccessGate.RECORD_PATIENT);
            assertThat(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)).permitted()).isTrue();
        }

        @Test
        void aRequestedKind_cannotDisguiseTheStoredOne() {
            Caller desk = caller(A, "desk-1", "front-desk");

            Decision decision = gate.decide(new AccessRequest(desk, Action.READ, DEMOGRAPHICS, PATIENT, OBSERVATION_ID, false));

            assertDecision(decision, Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
        }
    }

    @Nested
    class CallerComplete {

        @Test
        void aCallerMissingAnything_isDenied_beforeAnyStateIsRead() {
            Caller[] incomplete = {
                null,
                new Caller(null, "dr-1", "clinician", "TREAT", "app"),
                new Caller(A, " ", "clinician", "TREAT", "app"),
                new Caller(A, "dr-1", null, "TREAT", "app"),
                new Caller(A, "dr-1", "clinician", "", "app"),
                new Caller(A, "dr-1", "clinician", "TREAT", null),
            };
            for (Caller caller : incomplete) {
                assertDecision(gate.decide(read(caller, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CALLER_COMPLETE);
                AccessGate.ScopedDecision scoped = gate.scope(caller, Action.SEARCH, DEMOGRAPHICS);
                assertDecision(scoped.decision(), Decision.Outcome.DENY, AccessGate.CALLER_COMPLETE);
                assertThat(scoped.scope()).isNull();
            }
            assertThat(state.locks()).isEmpty();
        }

        @Test
        void aPurposeThatIsNotAPurposeOfUseCode_isDenied_soItCannotSlipPastAWithdrawnConsent() {
            for (String purpose : new String[] {"treat", "Treat", "FOO", "TREAT\u0000", " TREAT"}) {
                Caller caller = caller(A, "dr-1", "clinician", purpose);

                assertDecision(gate.decide(read(caller, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.PURPOSE_OF_USE);
                assertDecision(gate.scope(caller, Action.SEARCH, DEMOGRAPHICS).decision(), Decision.Outcome.DENY, AccessGate.PURPOSE_OF_USE);
            }
            assertThat(state.locks()).isEmpty();
        }
    }

    @Nested
    class Registration {

        @Test
        void frontDesk_registersAPatient_withoutConsentOrCareTeam_evenUnderOptIn() {
            optIn();
            Caller desk = caller(A, "desk-1", "front-desk");

            assertDecision(gate.decide(create(desk, DEMOGRAPHICS, "new-patient", "new-patient")), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
        }

        @Test
        void aClinician_cannotRegisterAPatient() {
            assertDecision(gate.decide(create(caller(A, "dr-1", "clinician"), DEMOGRAPHICS, "new-patient", "new-patient")),
                    Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
        }

        @Test
        void aRequestWithoutKind_isDenied() {
            assertDecision(gate.decide(create(caller(A, "desk-1", "front-desk"), null, PATIENT, "x")),
                    Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
            assertDecision(gate.scope(caller(A, "desk-1", "front-desk"), Action.SEARCH, null).decision(),
                    Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
        }
    }

    @Nested
    class PsychotherapyNotes {

        private static final String NOTE = "note-1";

        private final Caller author = caller(A, "psy-1", "psychotherapist");
        private final Caller colleague = caller(A, "psy-2", "psychotherapist");

        PsychotherapyNotes() {
            state.assigned(A, "assignment-1", PATIENT, "psy-1")
                    .assigned(A, "assignment-2", PATIENT, "psy-2")
                    .assigned(A, "assignment-3", PATIENT, "dr-1");
        }

        @Test
        void theAuthor_writesANote_thenReadsAndAmendsIt() {
            assertDecision(gate.decide(create(author, PSYCHOTHERAPY_NOTE, PATIENT, NOTE)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            state.record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");

            assertDecision(gate.decide(read(author, PATIENT, NOTE)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertDecision(gate.decide(new AccessRequest(author, Action.HISTORY, null, PATIENT, NOTE, false)),
                    Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertDecision(gate.decide(write(author, PATIENT, NOTE)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
        }

        @Test
        void anotherPsychotherapist_onTheSameCareTeam_isDenied_byAuthorship() {
            state.record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");

            assertDecision(gate.decide(read(colleague, PATIENT, NOTE)), Decision.Outcome.DENY, AccessGate.PSYCHOTHERAPY_AUTHOR);
            assertDecision(gate.decide(write(colleague, PATIENT, NOTE)), Decision.Outcome.DENY, AccessGate.PSYCHOTHERAPY_AUTHOR);
        }

        @Test
        void aClinician_isDenied_byMinimumNecessary() {
            state.record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");

            assertDecision(gate.decide(read(caller(A, "dr-1", "clinician"), PATIENT, NOTE)), Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
        }

        @Test
        void searchingNotes_needsAnExplicitGrant_becauseASearchCannotTellAuthorsApart() {
            state.record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");

            assertDecision(gate.decide(AccessRequest.read(author, Action.SEARCH, PSYCHOTHERAPY_NOTE, PATIENT)),
                    Decision.Outcome.DENY, AccessGate.PSYCHOTHERAPY_AUTHOR);
            assertDecision(gate.scope(author, Action.SEARCH, PSYCHOTHERAPY_NOTE).decision(),
                    Decision.Outcome.DENY, AccessGate.PSYCHOTHERAPY_AUTHOR);
        }

        @Test
        void aRoleGrantedReadingExplicitly_readsAndSearches_butCannotWrite() {
            state.policy(A, withReviewer()).record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");
            Caller reviewer = caller(A, "rev-1", "psychotherapy-reviewer");

            assertDecision(gate.decide(read(reviewer, PATIENT, NOTE)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertDecision(gate.decide(AccessRequest.read(reviewer, Action.SEARCH, PSYCHOTHERAPY_NOTE, PATIENT)),
                    Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertThat(gate.scope(reviewer, Action.SEARCH, PSYCHOTHERAPY_NOTE).scope()).isNotNull();
            assertDecision(gate.decide(write(reviewer, PATIENT, NOTE)), Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
            assertDecision(gate.decide(create(reviewer, PSYCHOTHERAPY_NOTE, PATIENT, "note-2")), Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);
        }

        @Test
        void theExplicitReader_isStillBoundByConsent() {
            state.policy(A, withReviewer()).record(A, NOTE, PSYCHOTHERAPY_NOTE, PATIENT, "psy-1")
                    .consentGranted(A, "consent-1", PATIENT, "TREAT").consentWithdrawn(A, "consent-1");

            assertDecision(gate.decide(read(caller(A, "rev-1", "psychotherapy-reviewer"), PATIENT, NOTE)), Decision.Outcome.DENY, AccessGate.CONSENT);
        }

        private TenantPolicy withReviewer() {
            TenantPolicy defaults = TenantPolicy.defaults();
            RolePolicy.Builder roles = RolePolicy.builder();
            defaults.roles().grants().forEach((role, grant) -> roles.role(role).reads(grant.reads()).writes(grant.writes()));
            roles.role("psychotherapy-reviewer").reads(Set.of(PSYCHOTHERAPY_NOTE, DEMOGRAPHICS)).writes(Set.of());
            return new TenantPolicy(roles.build(), defaults.assignmentRequiredRoles(), defaults.breakGlassRoles(),
                    defaults.breakGlassWindow(), defaults.consentModel());
        }
    }

    @Nested
    class BreakTheGlass {

        private final Caller emergency = caller(A, "dr-2", "clinician", AccessGate.EMERGENCY_PURPOSE);

        @Test
        void withoutAnOpenAccess_anEmergencyReadOutsideTheCareTeam_isDenied_byBreakTheGlass() {
            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void anAllowedRole_withTheEmergencyPurpose_opensIt() {
            assertDecision(gate.decide(create(emergency, BREAK_GLASS, PATIENT, "glass-1")), Decision.Outcome.PERMIT, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void itCannotBeOpened_forAnotherPurpose_orByARoleNotAllowedTo() {
            assertDecision(gate.decide(create(caller(A, "dr-2", "clinician", "TREAT"), BREAK_GLASS, PATIENT, "glass-1")),
                    Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
            assertDecision(gate.decide(create(caller(A, "desk-1", "front-desk", AccessGate.EMERGENCY_PURPOSE), BREAK_GLASS, PATIENT, "glass-1")),
                    Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
            assertDecision(gate.decide(create(caller(A, "x-1", "auditor", AccessGate.EMERGENCY_PURPOSE), BREAK_GLASS, PATIENT, "glass-1")),
                    Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void anOpenAccess_withinItsWindow_permits_namingTheRule_andTheStatedReason() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(59)));

            Decision decision = gate.decide(read(emergency, PATIENT, OBSERVATION_ID));

            assertDecision(decision, Decision.Outcome.PERMIT, AccessGate.BREAK_THE_GLASS);
            assertThat(decision.breakGlassReason()).isEqualTo(REASON);
        }

        @Test
        void afterItsWindow_itIsClosed() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(60)));

            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void theWindow_isTheTenants() {
            TenantPolicy defaults = TenantPolicy.defaults();
            state.policy(A, new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(), defaults.breakGlassRoles(),
                    Duration.ofMinutes(15), defaults.consentModel()));
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(20)));

            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void anOpenAccess_isUsedOnlyWithTheEmergencyPurpose() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(5)));

            assertDecision(gate.decide(read(caller(A, "dr-2", "clinician", "TREAT"), PATIENT, OBSERVATION_ID)),
                    Decision.Outcome.DENY, AccessGate.PATIENT_SCOPE);
        }

        @Test
        void aRoleNoLongerAllowed_cannotUseAnAccessItOpenedBefore() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(5)));
            TenantPolicy defaults = TenantPolicy.defaults();
            state.policy(A, new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(), Set.of(RolePolicy.PSYCHOTHERAPIST),
                    defaults.breakGlassWindow(), defaults.consentModel()));

            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.PATIENT_SCOPE);
        }

        @Test
        void anotherActorsAccess_opensNothingForThisOne() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-3", REASON, NOW.minus(Duration.ofMinutes(5)));

            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
        }

        @Test
        void itNeverCrossesTenants() {
            // an access opened in B, by a user with the same id, to a patient with the same id
            state.patientRegistered(B, PATIENT).patientRegistered(B, "patient-only-in-b").glassBroken(B, "glass-b", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(5)))
                    .record(B, "observation-b", OBSERVATION, PATIENT, "dr-b");

            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.BREAK_THE_GLASS);
            assertDecision(gate.decide(read(emergency, PATIENT, "observation-b")), Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
            assertDecision(gate.decide(create(emergency, BREAK_GLASS, "patient-only-in-b", "glass-2")), Decision.Outcome.NOT_FOUND, AccessGate.TENANCY);
        }

        @Test
        void itDoesNotOverrideConsent_minimumNecessary_orAuthorship() {
            state.glassBroken(A, "glass-1", PATIENT, "dr-2", REASON, NOW.minus(Duration.ofMinutes(5)))
                    .record(A, "note-1", PSYCHOTHERAPY_NOTE, PATIENT, "psy-1");
            Caller psychotherapist = caller(A, "psy-2", "psychotherapist", AccessGate.EMERGENCY_PURPOSE);
            state.glassBroken(A, "glass-2", PATIENT, "psy-2", REASON, NOW.minus(Duration.ofMinutes(5)));

            assertDecision(gate.decide(read(psychotherapist, PATIENT, "note-1")), Decision.Outcome.DENY, AccessGate.PSYCHOTHERAPY_AUTHOR);
            assertDecision(gate.decide(read(emergency, PATIENT, "note-1")), Decision.Outcome.DENY, AccessGate.MINIMUM_NECESSARY);

            state.consentGranted(A, "consent-1", PATIENT, AccessGate.EMERGENCY_PURPOSE).consentWithdrawn(A, "consent-1");
            assertDecision(gate.decide(read(emergency, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);
            assertDecision(gate.decide(create(emergency, BREAK_GLASS, PATIENT, "glass-3")), Decision.Outcome.DENY, AccessGate.CONSENT);
        }

        @Test
        void aListWithTheEmergencyPurpose_isScoped_notOpenedTenantWide() {
            AccessGate.ScopedDecision scoped = gate.scope(emergency, Action.SEARCH, OBSERVATION);

            assertDecision(scoped.decision(), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertThat(scoped.scope()).isNotNull();
        }
    }

    @Nested
    class ConsentOverTime {

        private final Caller clinician = caller(A, "dr-1", "clinician");

        ConsentOverTime() {
            state.assigned(A, "assignment-1", PATIENT, "dr-1");
        }

        @Test
        void aWithdrawal_closesTheVeryNextDecision() {
            state.consentGranted(A, "consent-1", PATIENT, "TREAT");
            assertThat(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)).permitted()).isTrue();

            state.consentWithdrawn(A, "consent-1");

            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);
        }

        @Test
        void aConsent_isActiveOnlyWithinItsPeriod() {
            state.consentGranted(A, "future", PATIENT, "TREAT", NOW.plusSeconds(1), null, null);
            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);

            state.consentGranted(A, "current", PATIENT, "TREAT", NOW, NOW.plusSeconds(1), null);
            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
        }

        @Test
        void anExpiredConsent_closesThePatient_evenUnderOptOut() {
            state.consentGranted(A, "past", PATIENT, "TREAT", null, NOW, null);

            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);
        }

        @Test
        void aConsentLimitedToOneActor_speaksForThatActorOnly() {
            state.assigned(A, "assignment-2", PATIENT, "dr-2")
                    .consentGranted(A, "for-dr-2", PATIENT, "TREAT", null, null, "dr-2").consentWithdrawn(A, "for-dr-2");

            assertDecision(gate.decide(read(caller(A, "dr-2", "clinician"), PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);
            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
        }

        @Test
        void underOptIn_frontDesk_recordsTheFirstConsent_andClinicalAccessFollowsIt() {
            optIn();
            Caller desk = caller(A, "desk-1", "front-desk");
            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.DENY, AccessGate.CONSENT);

            assertDecision(gate.decide(create(desk, CONSENT, PATIENT, "consent-1")), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            state.consentGranted(A, "consent-1", PATIENT, "TREAT").record(A, "consent-1", CONSENT, PATIENT, "desk-1");

            assertDecision(gate.decide(read(clinician, PATIENT, OBSERVATION_ID)), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
        }

        @Test
        void afterAWithdrawal_theConsentCanBeGivenAgain() {
            Caller desk = caller(A, "desk-1", "front-desk");
            state.consentGranted(A, "consent-1", PATIENT, "TREAT").record(A, "consent-1", CONSENT, PATIENT, "desk-1")
                    .consentWithdrawn(A, "consent-1");

            assertDecision(gate.decide(write(desk, PATIENT, "consent-1")), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertDecision(gate.decide(create(desk, CONSENT, PATIENT, "consent-2")), Decision.Outcome.PERMIT, AccessGate.ROLE_GRANT);
            assertDecision(gate.decide(read(desk, PATIENT, PATIENT)), Decision.Outcome.DENY, AccessGate.CONSENT);
        }

        @Test
        void consentAndCareTeamWrites_lockThePatientForChange_readsForShare() {
            Caller desk = caller(A, "desk-1", "front-desk");

            gate.decide(create(desk, CONSENT, PATIENT, "consent-1"));
            gate.decide(create(desk, RecordKind.CARE_TEAM, PATIENT, "assignment-9"));
            gate.decide(read(desk, PATIENT, PATIENT));

            assertThat(state.locks()).containsExactly("change " + A + "/" + PATIENT, "change " + A + "/" + PATIENT, "share " + A + "/" + PATIENT);
        }
    }

    private void optIn() {
        TenantPolicy defaults = TenantPolicy.defaults();
        state.policy(A, new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(), defaults.breakGlassRoles(),
                defaults.breakGlassWindow(), TenantPolicy.ConsentModel.OPT_IN));
    }
}
