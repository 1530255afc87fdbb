package dev.bonfire.policy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.breakglass.GlassBroken;
import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.careteam.CareTeamAssignmentEnded;
import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.consent.ConsentGranted;
import dev.bonfire.domain.consent.ConsentWithdrawn;
import dev.bonfire.domain.directory.ClinicianEnrolled;
import dev.bonfire.domain.note.NoteDrafted;
import dev.bonfire.domain.note.NoteKind;
import dev.bonfire.domain.observation.ObservationRecorded;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.policy.BreakGlassAccess;
import dev.bonfire.policy.ConsentState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.event.TenantPolicyChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link PolicyRecordProjector} and {@link JdbcPolicyState} against the real PostgreSQL: events go in
 * through Axon's annotation adapter with their metadata, answers come out of the state the gate reads.
 * Each test works in tenants of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPolicyStateTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String TREAT = "TREAT";

    private PolicyStateFixture db;

    @BeforeAll
    void migrate() {
        db = new PolicyStateFixture();
    }

    @AfterAll
    void drop() {
        db.close();
    }

    private static String tenant() {
        return "tenant-" + UUID.randomUUID();
    }

    private String registerPatient(String tenant) {
        String patient = UUID.randomUUID().toString();
        db.apply(tenant, "desk-1", new PatientRegistered(patient, null), T0);
        return patient;
    }

    @Test
    void registeredPatient_isFoundAndLocked_inItsTenant_only() {
        String tenantA = tenant();
        String patient = registerPatient(tenantA);

        Optional<RecordEntry> found = db.inTransaction(() -> db.state.findRecord(tenantA, patient));
        Optional<RecordEntry> locked = db.inTransaction(() -> db.state.lockPatient(tenantA, patient));
        Optional<RecordEntry> lockedForChange = db.inTransaction(() -> db.state.lockPatientForChange(tenantA, patient));
        Optional<RecordEntry> elsewhere = db.inTransaction(() -> db.state.findRecord(tenant(), patient));
        Optional<RecordEntry> lockedElsewhere = db.inTransaction(() -> db.state.lockPatient(tenant(), patient));

        RecordEntry expected = new RecordEntry(tenantA, patient, RecordKind.DEMOGRAPHICS, patient, "desk-1");
        assertThat(found).contains(expected);
        assertThat(locked).contains(expected);
        assertThat(lockedForChange).contains(expected);
        assertThat(elsewhere).isEmpty();
        assertThat(lockedElsewhere).isEmpty();
    }

    @Test
    void recordsRemember_theirKindPatientAndAuthor_andAPsychotherapyNoteIsItsOwnKind() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String observation = UUID.randomUUID().toString();
        String note = UUID.randomUUID().toString();

        db.apply(tenant, "dr-1", new ObservationRecorded(observation, patient, null, "final", null, null, null, null, null, null), T0);
        db.apply(tenant, "psy-1", new NoteDrafted(note, patient, null, NoteKind.PSYCHOTHERAPY, null, "Session", "text", null), T0);

        assertThat(db.inTransaction(() -> db.state.findRecord(tenant, observation)))
                .contains(new RecordEntry(tenant, observation, RecordKind.OBSERVATION, patient, "dr-1"));
        assertThat(db.inTransaction(() -> db.state.findRecord(tenant, note)))
                .contains(new RecordEntry(tenant, note, RecordKind.PSYCHOTHERAPY_NOTE, patient, "psy-1"));
    }

    @Test
    void careTeamAssignment_reachesThePatient_untilItEnds() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String assignment = UUID.randomUUID().toString();

        db.apply(tenant, "admin-1", new AssignedToCareTeam(assignment, patient, "dr-1"), T0);
        boolean assigned = db.inTransaction(() -> db.state.isAssigned(tenant, patient, "dr-1"));
        boolean otherClinician = db.inTransaction(() -> db.state.isAssigned(tenant, patient, "dr-2"));
        boolean otherTenant = db.inTransaction(() -> db.state.isAssigned(tenant(), patient, "dr-1"));
        db.apply(tenant, "admin-1", new CareTeamAssignmentEnded(assignment, patient, "moved"), T0.plusSeconds(60));
        boolean afterEnd = db.inTransaction(() -> db.state.isAssigned(tenant, patient, "dr-1"));

        assertThat(assigned).isTrue();
        assertThat(otherClinician).isFalse();
        assertThat(otherTenant).isFalse();
        assertThat(afterEnd).isFalse();
    }

    @Test
    void consent_isActive_untilWithdrawn_thenNotActive_forItsPurposeOnly() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String consent = UUID.randomUUID().toString();

        ConsentState before = db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", T0));
        db.apply(tenant, "desk-1", new ConsentGranted(consent, patient, TREAT, null, null), T0);
        ConsentState granted = db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", T0));
        db.apply(tenant, "desk-1", new ConsentWithdrawn(consent, patient, "patient asked"), T0.plusSeconds(60));
        ConsentState withdrawn = db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", T0.plusSeconds(61)));
        ConsentState otherPurpose = db.inTransaction(() -> db.state.consentOf(tenant, patient, "HPAYMT", "dr-1", T0.plusSeconds(61)));
        ConsentState otherTenant = db.inTransaction(() -> db.state.consentOf(tenant(), patient, TREAT, "dr-1", T0.plusSeconds(61)));

        assertThat(before).isEqualTo(ConsentState.ABSENT);
        assertThat(granted).isEqualTo(ConsentState.ACTIVE);
        assertThat(withdrawn).isEqualTo(ConsentState.NOT_ACTIVE);
        assertThat(otherPurpose).isEqualTo(ConsentState.ABSENT);
        assertThat(otherTenant).isEqualTo(ConsentState.ABSENT);
    }

    @Test
    void consentPeriod_isHonoured_atBothEnds_withPartialDatesCoveringTheirWholeSpan() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        Period period = new Period(ClinicalDateTime.of("2025-04-01T00:00:00Z"), ClinicalDateTime.of("2025-06"));
        db.apply(tenant, "desk-1", new ConsentGranted(UUID.randomUUID().toString(), patient, TREAT, period, null), T0);

        assertThat(consentAt(tenant, patient, "2025-03-31T23:59:59Z")).isEqualTo(ConsentState.NOT_ACTIVE);
        assertThat(consentAt(tenant, patient, "2025-04-01T00:00:00Z")).isEqualTo(ConsentState.ACTIVE);
        assertThat(consentAt(tenant, patient, "2025-06-30T23:59:59Z")).isEqualTo(ConsentState.ACTIVE);
        assertThat(consentAt(tenant, patient, "2025-07-01T00:00:00Z")).isEqualTo(ConsentState.NOT_ACTIVE);
    }

    @Test
    void consentForOneActor_appliesToThatActor_only() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String consent = UUID.randomUUID().toString();
        db.apply(tenant, "desk-1", new ConsentGranted(consent, patient, TREAT, null, "dr-1"), T0);
        db.apply(tenant, "desk-1", new ConsentWithdrawn(consent, patient, null), T0);

        assertThat(db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", T0))).isEqualTo(ConsentState.NOT_ACTIVE);
        assertThat(db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-2", T0))).isEqualTo(ConsentState.ABSENT);
    }

    @Test
    void breakGlass_isOpen_forItsActorAndPatient_withinTheWindow_only() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String glass = UUID.randomUUID().toString();
        db.apply(tenant, "dr-1", new GlassBroken(glass, patient, "unconscious in the emergency room"), T0);

        Optional<BreakGlassAccess> within = db.inTransaction(() -> db.state.breakGlassOf(tenant, patient, "dr-1", T0.minusSeconds(1)));
        Optional<BreakGlassAccess> after = db.inTransaction(() -> db.state.breakGlassOf(tenant, patient, "dr-1", T0));
        Optional<BreakGlassAccess> otherActor = db.inTransaction(() -> db.state.breakGlassOf(tenant, patient, "dr-2", T0.minusSeconds(1)));
        Optional<BreakGlassAccess> otherTenant = db.inTransaction(() -> db.state.breakGlassOf(tenant(), patient, "dr-1", T0.minusSeconds(1)));

        assertThat(within).contains(new BreakGlassAccess(glass, "unconscious in the emergency room", T0));
        assertThat(after).as("opened exactly at the start of the window: closed").isEmpty();
        assertThat(otherActor).isEmpty();
        assertThat(otherTenant).isEmpty();
        assertThat(db.inTransaction(() -> db.state.findRecord(tenant, glass)))
                .contains(new RecordEntry(tenant, glass, RecordKind.BREAK_GLASS, patient, "dr-1"));
    }

    @Test
    void clinicianEnrolment_putsTheUserInTheTenantsDirectory() {
        String tenant = tenant();
        db.apply(tenant, "admin-1", new ClinicianEnrolled(UUID.randomUUID().toString(), "dr-1", List.of()), T0);

        assertThat(db.inTransaction(() -> db.state.isEnrolledClinician(tenant, "dr-1"))).isTrue();
        assertThat(db.inTransaction(() -> db.state.isEnrolledClinician(tenant, "dr-2"))).isFalse();
        assertThat(db.inTransaction(() -> db.state.isEnrolledClinician(tenant(), "dr-1"))).isFalse();
    }

    @Test
    void tenantPolicy_isTheDefaults_untilChanged_thenTheLatestDocument() {
        String tenant = tenant();
        TenantPolicy optIn = policy(TenantPolicy.ConsentModel.OPT_IN, Duration.ofMinutes(15));
        TenantPolicy optOut = policy(TenantPolicy.ConsentModel.OPT_OUT, Duration.ofMinutes(30));

        String before = TenantPolicyDocuments.write(db.inTransaction(() -> db.state.policyOf(tenant)));
        db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(optIn)), T0);
        String first = TenantPolicyDocuments.write(db.inTransaction(() -> db.state.policyOf(tenant)));
        db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(optOut)), T0.plusSeconds(60));
        TenantPolicy second = db.inTransaction(() -> db.state.policyOf(tenant));
        TenantPolicy otherTenant = db.inTransaction(() -> db.state.policyOf(tenant()));

        assertThat(before).isEqualTo(TenantPolicyDocuments.write(TenantPolicy.defaults()));
        assertThat(first).isEqualTo(TenantPolicyDocuments.write(optIn));
        assertThat(TenantPolicyDocuments.write(second)).isEqualTo(TenantPolicyDocuments.write(optOut));
        assertThat(second.breakGlassWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(TenantPolicyDocuments.write(otherTenant)).isEqualTo(TenantPolicyDocuments.write(TenantPolicy.defaults()));
    }

    @Test
    void anOlderPolicyChange_deliveredAgain_doesNotUndoANewerOne() {
        String tenant = tenant();
        var older = db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(
                policy(TenantPolicy.ConsentModel.OPT_IN, Duration.ofMinutes(15)))), T0);
        db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(
                policy(TenantPolicy.ConsentModel.OPT_OUT, Duration.ofMinutes(30)))), T0.plusSeconds(60));
        List<Map<String, Object>> before = db.rows(tenant, "policy_tenant");

        db.inTransaction(() -> {
            db.deliver(older);
            return null;
        });

        assertThat(db.rows(tenant, "policy_tenant")).isEqualTo(before);
        assertThat(db.inTransaction(() -> db.state.policyOf(tenant)).consentModel()).isEqualTo(TenantPolicy.ConsentModel.OPT_OUT);
    }

    @Test
    void deliveringEveryEventAgain_changesNoRow() {
        String tenant = tenant();
        String patient = registerPatient(tenant);
        String assignment = UUID.randomUUID().toString();
        String consent = UUID.randomUUID().toString();
        db.apply(tenant, "admin-1", new ClinicianEnrolled(UUID.randomUUID().toString(), "dr-1", List.of()), T0);
        db.apply(tenant, "admin-1", new AssignedToCareTeam(assignment, patient, "dr-1"), T0);
        db.apply(tenant, "desk-1", new ConsentGranted(consent, patient, TREAT, null, null), T0);
        db.apply(tenant, "dr-2", new GlassBroken(UUID.randomUUID().toString(), patient, "unconscious in the emergency room"), T0);
        db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(TenantPolicy.defaults())), T0);
        db.apply(tenant, "admin-1", new CareTeamAssignmentEnded(assignment, patient, "moved"), T0.plusSeconds(60));
        db.apply(tenant, "desk-1", new ConsentWithdrawn(consent, patient, "patient asked"), T0.plusSeconds(60));
        List<String> tables = List.of("policy_record", "policy_assignment", "policy_consent", "policy_break_glass",
                "policy_clinician", "policy_tenant");
        List<List<Map<String, Object>>> before = tables.stream().map(t -> db.rows(tenant, t)).toList();

        db.redeliverAll();

        assertThat(tables.stream().map(t -> db.rows(tenant, t)).toList()).isEqualTo(before);
        assertThat(before).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertThat(db.inTransaction(() -> db.state.isAssigned(tenant, patient, "dr-1"))).isFalse();
        assertThat(db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", T0))).isEqualTo(ConsentState.NOT_ACTIVE);
    }

    @Test
    void rowLevelSecurity_hidesAnotherTenantsRows_evenFromAnUnfilteredSelect() {
        String tenantA = tenant();
        String tenantB = tenant();
        String patientA = registerPatient(tenantA);
        String patientB = registerPatient(tenantB);
        db.apply(tenantA, "desk-a", new ConsentGranted(UUID.randomUUID().toString(), patientA, TREAT, null, null), T0);
        db.apply(tenantB, "desk-b", new ConsentGranted(UUID.randomUUID().toString(), patientB, TREAT, null, null), T0);

        List<Map<String, Object>> asB = db.rows(tenantB, "policy_consent");
        List<Map<String, Object>> asA = db.rows(tenantA, "policy_consent");
        List<Map<String, Object>> recordsAsB = db.rows(tenantB, "policy_record");
        List<Map<String, Object>> unbound = db.rows(null, "policy_consent");

        assertThat(asB).isNotEmpty().allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo(tenantB));
        assertThat(asB).noneSatisfy(row -> assertThat(row.get("patient_id")).isEqualTo(patientA));
        assertThat(asA).isNotEmpty().allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo(tenantA));
        assertThat(recordsAsB).isNotEmpty().allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo(tenantB));
        assertThat(recordsAsB).extracting(row -> row.get("record_id")).contains(patientB).doesNotContain(patientA);
        assertThat(unbound).as("no tenant bound: no rows at all").isEmpty();
    }

    @Test
    void anEventForAnotherTenant_cannotBeWrittenUnderTheBoundTenant() {
        String tenantA = tenant();
        String patientA = registerPatient(tenantA);

        // the projector binds the event's own tenant: an event of B lands in B, never in A
        String tenantB = tenant();
        db.apply(tenantB, "desk-b", new ConsentGranted(UUID.randomUUID().toString(), patientA, TREAT, null, null), T0);

        assertThat(db.inTransaction(() -> db.state.consentOf(tenantA, patientA, TREAT, "dr-1", T0))).isEqualTo(ConsentState.ABSENT);
        assertThat(db.rows(tenantA, "policy_consent")).isEmpty();
    }

    @Test
    void policyState_isReadInsideTheDoorsTransaction_only() {
        String tenant = tenant();
        String patient = registerPatient(tenant);

        assertThatThrownBy(() -> db.state.lockPatient(tenant, patient))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThatThrownBy(() -> db.state.policyOf(tenant))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    private ConsentState consentAt(String tenant, String patient, String at) {
        return db.inTransaction(() -> db.state.consentOf(tenant, patient, TREAT, "dr-1", Instant.parse(at)));
    }

    private static TenantPolicy policy(TenantPolicy.ConsentModel model, Duration window) {
        return new TenantPolicy(RolePolicy.defaults(), Set.of(RolePolicy.CLINICIAN), Set.of(RolePolicy.CLINICIAN), window, model);
    }
}
