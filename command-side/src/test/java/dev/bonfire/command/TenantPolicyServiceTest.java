package dev.bonfire.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.AccessGate;
import dev.bonfire.policy.BreakGlassAccess;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.ConsentState;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.PolicyState;
import dev.bonfire.policy.RecordEntry;
import dev.bonfire.policy.TenantPolicy;
import dev.bonfire.policy.TenantPolicyDocuments;
import dev.bonfire.policy.event.TenantPolicyChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.junit.jupiter.api.Test;

/** The policy door's service without a server: who may change the policy, what is published, what is refused. */
class TenantPolicyServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Caller ADMIN = new Caller("tenant-a", "admin-1", "admin", "HOPERAT", "console");

    private final Policies state = new Policies();
    private final SimpleEventBus bus = SimpleEventBus.builder().build();
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final TenantPolicyService service = new TenantPolicyService(state, bus, NoTransactionManager.INSTANCE, Clock.fixed(NOW, ZoneOffset.UTC));

    TenantPolicyServiceTest() {
        bus.subscribe(published::addAll);
    }

    @Test
    void anAdmin_replacesThePolicy_withOneEvent_carryingTheNormalisedDocumentAndTheAdmin() {
        String body = TenantPolicyDocuments.write(optIn()).replace("\n", " ");

        String stored = service.replace(ADMIN, body, "request-1");

        assertThat(stored).isEqualTo(TenantPolicyDocuments.write(optIn()));
        assertThat(published).hasSize(1);
        EventMessage<?> event = published.get(0);
        assertThat(event.getPayload()).isEqualTo(new TenantPolicyChanged(stored));
        assertThat(event.getMetaData()).containsEntry("tenant", "tenant-a").containsEntry("actorId", "admin-1")
                .containsEntry("actorRole", "admin").containsEntry("purpose", "HOPERAT").containsEntry("via", "console")
                .containsEntry("source", "api").containsEntry("correlationId", "request-1").containsEntry("time", NOW.toString());
    }

    @Test
    void anyOtherRole_isDenied_byPolicyAdmin_andNothingIsPublished() {
        for (String role : List.of("clinician", "front-desk", "importer", "psychotherapist", "Admin", "root")) {
            Caller caller = new Caller("tenant-a", "user-1", role, "TREAT", "app");

            assertThatThrownBy(() -> service.replace(caller, TenantPolicyDocuments.write(optIn()), null))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                        assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.DENY);
                        assertThat(e.decision().rule()).isEqualTo(TenantPolicyService.POLICY_ADMIN);
                    });
        }
        assertThat(published).isEmpty();
    }

    @Test
    void anIncompleteCaller_isDenied_forReadingAndChanging() {
        Caller noPurpose = new Caller("tenant-a", "admin-1", "admin", null, "console");

        assertThatThrownBy(() -> service.replace(noPurpose, TenantPolicyDocuments.write(optIn()), null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.decision().rule()).isEqualTo(AccessGate.CALLER_COMPLETE));
        assertThatThrownBy(() -> service.document(null))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.decision().rule()).isEqualTo(AccessGate.CALLER_COMPLETE));
        assertThat(published).isEmpty();
    }

    @Test
    void aBadDocument_isInvalidInput_andNothingIsPublished() {
        for (String body : new String[] {null, "", "{", "{}", TenantPolicyDocuments.write(optIn()).replace("opt-in", "opt-maybe")}) {
            assertThatThrownBy(() -> service.replace(ADMIN, body, null)).isInstanceOf(InvalidCommandException.class);
        }
        assertThat(published).isEmpty();
    }

    @Test
    void anyCallerOfTheTenant_readsItsPolicy_andOnlyItsOwn() {
        state.policies.put("tenant-a", optIn());

        assertThat(service.document(new Caller("tenant-a", "dr-1", "clinician", "TREAT", "app"))).isEqualTo(TenantPolicyDocuments.write(optIn()));
        assertThat(service.document(new Caller("tenant-b", "dr-1", "clinician", "TREAT", "app")))
                .isEqualTo(TenantPolicyDocuments.write(TenantPolicy.defaults()));
        assertThat(TenantPolicyService.decideRead(ADMIN).rule()).isEqualTo(TenantPolicyService.POLICY_READ);
    }

    private static TenantPolicy optIn() {
        TenantPolicy defaults = TenantPolicy.defaults();
        return new TenantPolicy(defaults.roles(), defaults.assignmentRequiredRoles(), defaults.breakGlassRoles(),
                defaults.breakGlassWindow(), TenantPolicy.ConsentModel.OPT_IN);
    }

    /** Policy state that knows tenant policies only: all the service reads. */
    private static final class Policies implements PolicyState {
        final Map<String, TenantPolicy> policies = new HashMap<>();

        @Override
        public TenantPolicy policyOf(String tenantId) {
            return policies.getOrDefault(tenantId, TenantPolicy.defaults());
        }

        @Override
        public Optional<RecordEntry> findRecord(String tenantId, String recordId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RecordEntry> lockPatient(String tenantId, String patientId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RecordEntry> lockPatientForChange(String tenantId, String patientId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAssigned(String tenantId, String patientId, String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsentState consentOf(String tenantId, String patientId, String purpose, String userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BreakGlassAccess> breakGlassOf(String tenantId, String patientId, String userId, Instant openedAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isEnrolledClinician(String tenantId, String userId) {
            throw new UnsupportedOperationException();
        }
    }
}
