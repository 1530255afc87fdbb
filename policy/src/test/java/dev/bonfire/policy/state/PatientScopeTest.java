package dev.bonfire.policy.state;

import static dev.bonfire.policy.state.schema.Tables.POLICY_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.breakglass.GlassBroken;
import dev.bonfire.domain.careteam.AssignedToCareTeam;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.consent.ConsentGranted;
import dev.bonfire.domain.consent.ConsentWithdrawn;
import dev.bonfire.domain.patient.PatientRegistered;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.AccessRequest;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.RolePolicy;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.event.TenantPolicyChanged;
import dev.bonfire.policy.jdbc.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A list never shows a patient that a read by id would refuse, nor hides one it would permit: for
 * patients in every combination of care team, consent and break-the-glass, the SQL condition of
 * {@link AccessGate#scope} selects exactly the patients {@link AccessGate#decide} permits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientScopeTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = T0.plusSeconds(1800);

    private PolicyStateFixture db;
    private AccessGate gate;

    @BeforeAll
    void migrate() {
        db = new PolicyStateFixture();
        gate = new AccessGate(db.state, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @ParameterizedTest
    @EnumSource(TenantPolicy.ConsentModel.class)
    void theListCondition_selectsExactlyThePatientsThatReadsPermit(TenantPolicy.ConsentModel model) {
        String tenant = "tenant-" + UUID.randomUUID();
        db.apply(tenant, "admin-1", new TenantPolicyChanged(TenantPolicyDocuments.write(new TenantPolicy(RolePolicy.defaults(),
                TenantPolicy.defaults().assignmentRequiredRoles(), TenantPolicy.defaults().breakGlassRoles(),
                TenantPolicy.defaults().breakGlassWindow(), model))), T0);
        List<String> patients = new ArrayList<>();
        for (boolean assigned : new boolean[] {true, false}) {
            for (String consent : List.of("active", "withdrawn", "absent", "expired", "other-actor-withdrawn", "emergency-withdrawn")) {
                // break-the-glass matters only outside the care team
                for (String glass : assigned ? List.of("none") : List.of("none", "open", "closed")) {
                    patients.add(patient(tenant, assigned, consent, glass));
                }
            }
        }
        // another tenant's patient, open to dr-1 there: never in this tenant's lists
        String elsewhere = "tenant-" + UUID.randomUUID();
        patients.add(patient(elsewhere, true, "active", "none"));

        List<Integer> sizes = new ArrayList<>();
        for (Caller caller : List.of(
                new Caller(tenant, "dr-1", RolePolicy.CLINICIAN, "TREAT", "scope-test"),
                new Caller(tenant, "dr-1", RolePolicy.CLINICIAN, AccessGate.EMERGENCY_PURPOSE, "scope-test"),
                new Caller(tenant, "desk-1", RolePolicy.FRONT_DESK, "TREAT", "scope-test"))) {
            for (RecordKind kind : List.of(RecordKind.DEMOGRAPHICS, RecordKind.CONSENT)) {
                Set<String> listed = listed(caller, kind);
                Set<String> permitted = db.inTransaction(() -> {
                    Set<String> open = new TreeSet<>();
                    for (String patient : patients) {
                        if (gate.decide(AccessRequest.read(caller, Action.SEARCH, kind, patient)).permitted()) {
                            open.add(patient);
                        }
                    }
                    return open;
                });
                assertThat(listed).as("%s %s %s", caller.role(), caller.purpose(), kind).isEqualTo(permitted);
                sizes.add(listed.size());
            }
        }
        assertThat(sizes).as("the combinations tell patients apart: some lists are partial").anyMatch(n -> n > 0 && n < patients.size() - 1);
    }

    /** A patient of {@code tenant} in one combination of dr-1's care team, the TREAT consent and dr-1's break-the-glass. */
    private String patient(String tenant, boolean assigned, String consent, String glass) {
        return db.inTransaction(() -> patientInTransaction(tenant, assigned, consent, glass));
    }

    private String patientInTransaction(String tenant, boolean assigned, String consent, String glass) {
        String patient = UUID.randomUUID().toString();
        apply(tenant, "desk-1", new PatientRegistered(patient, null), T0);
        if (assigned) {
            apply(tenant, "admin-1", new AssignedToCareTeam(UUID.randomUUID().toString(), patient, "dr-1"), T0);
        }
        String consentId = UUID.randomUUID().toString();
        switch (consent) {
            case "active" -> apply(tenant, "desk-1", new ConsentGranted(consentId, patient, "TREAT", null, null), T0);
            case "withdrawn" -> {
                apply(tenant, "desk-1", new ConsentGranted(consentId, patient, "TREAT", null, null), T0);
                apply(tenant, "desk-1", new ConsentWithdrawn(consentId, patient, null), T0);
            }
            case "expired" -> apply(tenant, "desk-1", new ConsentGranted(consentId, patient, "TREAT",
                    new dev.bonfire.domain.common.Period(null, dev.bonfire.domain.common.ClinicalDateTime.of("2024")), null), T0);
            case "other-actor-withdrawn" -> {
                apply(tenant, "desk-1", new ConsentGranted(consentId, patient, "TREAT", null, "dr-9"), T0);
                apply(tenant, "desk-1", new ConsentWithdrawn(consentId, patient, null), T0);
            }
            case "emergency-withdrawn" -> {
                apply(tenant, "desk-1", new ConsentGranted(consentId, patient, AccessGate.EMERGENCY_PURPOSE, null, null), T0);
                apply(tenant, "desk-1", new ConsentWithdrawn(consentId, patient, null), T0);
            }
            default -> { }
        }
        switch (glass) {
            case "open" -> apply(tenant, "dr-1", new GlassBroken(UUID.randomUUID().toString(), patient, "unconscious in the emergency room"), T0.plusSeconds(60));
            case "closed" -> apply(tenant, "dr-1", new GlassBroken(UUID.randomUUID().toString(), patient, "unconscious in the emergency room"), T0.minusSeconds(7200));
            default -> { }
        }
        return patient;
    }

    private void apply(String tenant, String actor, Object event, Instant at) {
        db.deliver(PolicyStateFixture.event(tenant, actor, event, at));
    }

    /** The patients a list of {@code kind} shows {@code caller}: the registry of patients, filtered by the gate's scope. */
    private Set<String> listed(Caller caller, RecordKind kind) {
        return db.inTransaction(() -> {
            AccessGate.ScopedDecision scoped = gate.scope(caller, Action.SEARCH, kind);
            assertThat(scoped.decision().permitted()).as("%s may list %s", caller.role(), kind).isTrue();
            try (Connection connection = db.transactions.getConnection()) {
                TenantSql.bind(connection, caller.tenantId());
                return new TreeSet<>(DSL.using(connection, SQLDialect.POSTGRES)
                        .select(POLICY_RECORD.RECORD_ID).from(POLICY_RECORD)
                        .where(POLICY_RECORD.KIND.eq(RecordKind.DEMOGRAPHICS.name()))
                        .and(scoped.scope().condition(POLICY_RECORD.RECORD_ID))
                        .fetch(POLICY_RECORD.RECORD_ID));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
