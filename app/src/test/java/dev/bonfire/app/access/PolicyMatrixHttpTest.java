package dev.bonfire.app.access;

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
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bonfire.app.support.AccessRecords;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.Clinic;
import dev.bonfire.app.support.ServerTest;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordKind;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The policy matrix over real HTTP: role x record kind x assigned or not x consent active, withdrawn or
 * absent x read, search, history and write, each through its door. For every cell: the status, exactly
 * one access record with the expected outcome and rule, and the side effects — a refused write appended
 * no domain event and never reached its handler, a refused read returned no row, a permitted one
 * returned exactly the records its access record names. The expectations are written out in plain
 * words below (the default tenant policy), not taken from the engine.
 */
@MicronautTest
class PolicyMatrixHttpTest extends ServerTest {

    private static final String TENANT = "matrix-clinic";

    enum Consent { ACTIVE, WITHDRAWN, ABSENT }

    enum Act { READ, SEARCH, HISTORY, WRITE }

    /** Who may read what, and write what: the default policy, in plain words. */
    private static final Map<String, Set<RecordKind>> READS = Map.of(
            "clinician", Set.of(DEMOGRAPHICS, ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE, DIRECTORY, CARE_TEAM, CONSENT),
            "psychotherapist", Set.of(DEMOGRAPHICS, ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE, DIRECTORY, CARE_TEAM, CONSENT),
            "front-desk", Set.of(DEMOGRAPHICS, DIRECTORY, CARE_TEAM, CONSENT),
            "importer", Set.of(),
            "admin", Set.of(DIRECTORY, CARE_TEAM),
            "auditor", Set.of());
    private static final Map<String, Set<RecordKind>> WRITES = Map.of(
            "clinician", Set.of(ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE),
            "psychotherapist", Set.of(ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE, PSYCHOTHERAPY_NOTE),
            "front-desk", Set.of(DEMOGRAPHICS, CARE_TEAM, CONSENT),
            "importer", Set.of(ENCOUNTER, OBSERVATION, CONDITION, CLINICAL_NOTE, DEMOGRAPHICS, DIRECTORY),
            "admin", Set.of(DIRECTORY, CARE_TEAM),
            "auditor", Set.of());
    /** Roles that reach a patient only through the care team. */
    private static final Set<String> CARE_TEAM_ROLES = Set.of("clinician", "psychotherapist");
    private static final List<String> ROLES = List.of("clinician", "psychotherapist", "front-desk", "importer", "admin", "auditor");
    private static final List<RecordKind> READ_KINDS = List.of(DEMOGRAPHICS, ENCOUNTER, OBSERVATION, CONDITION);
    private static final List<RecordKind> WRITE_ONLY_KINDS = List.of(CLINICAL_NOTE, PSYCHOTHERAPY_NOTE, CONSENT, CARE_TEAM);

    /** One patient per (assigned, consent), with one record of each clinical kind. */
    record Patient(String id, String family, boolean assigned, Consent consent, Map<RecordKind, String> records) {
    }

    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void givenSixPatients_oneForEachCareTeamAndConsentState() {
        Clinic clinic = new Clinic(api(), TENANT, (user, role) -> token(user, TENANT, role));
        clinic.enroll(user("clinician"));
        clinic.enroll(user("psychotherapist"));
        clinic.enroll("nobody-m");
        char suffix = 'a';
        for (boolean assigned : List.of(true, false)) {
            for (Consent consent : Consent.values()) {
                String family = "Matrixq" + suffix++;
                String id = clinic.registerPatient(family, "Pat");
                Map<RecordKind, String> records = new EnumMap<>(RecordKind.class);
                records.put(DEMOGRAPHICS, id);
                records.put(ENCOUNTER, clinic.encounter(id));
                records.put(OBSERVATION, clinic.observation(id, null));
                records.put(CONDITION, clinic.condition(id));
                if (assigned) {
                    clinic.assign(id, user("clinician"));
                    clinic.assign(id, user("psychotherapist"));
                }
                if (consent != Consent.ABSENT) {
                    String consentId = clinic.grantConsent(id, "TREAT");
                    if (consent == Consent.WITHDRAWN) {
                        clinic.withdrawConsent(consentId, id);
                    }
                }
                patients.put(key(assigned, consent), new Patient(id, family, assigned, consent, records));
            }
        }
        // every command that passes the gate reaches its handler after it; the ones refused never do
        applicationContext.getBean(Configuration.class).commandBus().registerHandlerInterceptor((unitOfWork, chain) -> {
            Object correlation = unitOfWork.getMessage().getMetaData().get(MetadataKeys.CORRELATION_ID);
            if (correlation != null) {
                handled.add(correlation.toString());
            }
            return chain.proceed();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> rowsInTenant("patient_view") == 6 && rowsInTenant("encounter_view") == 6
                && rowsInTenant("observation_view") == 6 && rowsInTenant("condition_view") == 6);
    }

    @TestFactory
    Stream<DynamicTest> everyCell() {
        List<DynamicTest> cells = new ArrayList<>();
        for (String role : ROLES) {
            for (boolean assigned : List.of(true, false)) {
                for (Consent consent : Consent.values()) {
                    for (RecordKind kind : READ_KINDS) {
                        for (Act act : Act.values()) {
                            cells.add(cell(role, assigned, consent, kind, act));
                        }
                    }
                    for (RecordKind kind : WRITE_ONLY_KINDS) {
                        cells.add(cell(role, assigned, consent, kind, Act.WRITE));
                    }
                }
            }
        }
        assertThat(cells).hasSize(ROLES.size() * 2 * 3 * (READ_KINDS.size() * 4 + WRITE_ONLY_KINDS.size()));
        return cells.stream();
    }

    private DynamicTest cell(String role, boolean assigned, Consent consent, RecordKind kind, Act act) {
        String expected = expectedRule(role, assigned, consent, kind, act);
        String name = "%s %s consent=%s %s %s -> %s".formatted(role, assigned ? "assigned" : "unassigned", consent, kind, act, expected);
        return DynamicTest.dynamicTest(name, () -> {
            Patient patient = patients.get(key(assigned, consent));
            if (act == Act.WRITE) {
                write(role, patient, kind, expected);
            } else if (act == Act.SEARCH && kind == DEMOGRAPHICS) {
                search(role, patient, expected);
            } else {
                read(role, patient, kind, act, expected);
            }
        });
    }

    /**
     * The rule that decides, in plain words: a role must be granted the kind for the action; then a
     * withdrawn consent closes the patient (consent records themselves excepted); then care-team roles
     * reach only their patients; else permitted. For the tenant-wide search, only the first applies to
     * the request, the others to which rows it returns.
     */
    private static String expectedRule(String role, boolean assigned, Consent consent, RecordKind kind, Act act) {
        Set<RecordKind> granted = act == Act.WRITE ? WRITES.get(role) : READS.get(role);
        if (!granted.contains(kind)) {
            return "minimum-necessary";
        }
        if (act == Act.SEARCH && kind == DEMOGRAPHICS) {
            return "role-grant";
        }
        if (kind != CONSENT && consent == Consent.WITHDRAWN) {
            return "consent";
        }
        if (CARE_TEAM_ROLES.contains(role) && !assigned) {
            return "patient-scope";
        }
        return "role-grant";
    }

    private void read(String role, Patient patient, RecordKind kind, Act act, String expected) {
        String base = "/api/patients/" + patient.id();
        String path = switch (act) {
            case READ -> kind == DEMOGRAPHICS ? base : base + "/" + plural(kind) + "/" + patient.records().get(kind);
            case SEARCH -> base + "/" + plural(kind);
            case HISTORY -> base + "/history?kind=" + kind.name().toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException();
        };
        String requestId = UUID.randomUUID().toString();
        Api.Response response = api().get(path, token(user(role), TENANT, role), Clinic.requestId(requestId));
        AccessRecords.Entry record = onlyRecordOf(requestId);
        boolean permitted = expected.equals("role-grant");

        assertThat(response.status()).as(response.body()).isEqualTo(permitted ? 200 : 403);
        assertThat(record.outcome()).isEqualTo(permitted ? "PERMIT" : "DENY");
        assertThat(record.rule()).isEqualTo(expected);
        assertThat(record.action()).isEqualTo(act.name());
        if (!permitted) {
            assertThat(Clinic.tree(response.body()).path("rule").asText()).isEqualTo(expected);
            assertNoRowIn(response, patient);
            assertThat(record.recordIds()).isSubsetOf(patient.records().get(kind));
            assertThat(record.resultCount()).isZero();
            return;
        }
        JsonNode body = Clinic.tree(response.body());
        List<String> returned = new ArrayList<>();
        switch (act) {
            case READ -> returned.add(body.get("id").asText());
            case SEARCH -> body.path("items").forEach(item -> returned.add(item.get("id").asText()));
            case HISTORY -> body.path("items").forEach(entry -> {
                assertThat(entry.get("kind").asText()).isEqualTo(kind.name());
                if (!returned.contains(entry.get("recordId").asText())) {
                    returned.add(entry.get("recordId").asText());
                }
            });
            default -> throw new IllegalArgumentException();
        }
        assertThat(returned).contains(patient.records().get(kind));
        assertThat(record.recordIds()).containsExactlyInAnyOrderElementsOf(returned);
        assertThat(record.patientIds()).containsExactly(patient.id());
    }

    private void search(String role, Patient patient, String expected) {
        String requestId = UUID.randomUUID().toString();
        Api.Response response = api().get("/api/patients?name=" + patient.family(), token(user(role), TENANT, role), Clinic.requestId(requestId));
        AccessRecords.Entry record = onlyRecordOf(requestId);
        if (!expected.equals("role-grant")) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(record.outcome()).isEqualTo("DENY");
            assertThat(record.rule()).isEqualTo(expected);
            assertNoRowIn(response, patient);
            return;
        }
        boolean visible = patient.consent() != Consent.WITHDRAWN && (!CARE_TEAM_ROLES.contains(role) || patient.assigned());
        JsonNode page = Clinic.tree(response.body());
        assertThat(response.status()).isEqualTo(200);
        assertThat(record.outcome()).isEqualTo("PERMIT");
        assertThat(record.rule()).isEqualTo("role-grant");
        assertThat(page.path("total").asLong()).as("the total counts only visible rows").isEqualTo(visible ? 1 : 0);
        assertThat(page.path("items").size()).isEqualTo(visible ? 1 : 0);
        assertThat(record.recordIds()).isEqualTo(visible ? List.of(patient.id()) : List.of());
        if (!visible) {
            assertThat(response.body()).doesNotContain(patient.id()).doesNotContain(patient.family());
        }
    }

    private void write(String role, Patient patient, RecordKind kind, String expected) {
        String command = switch (kind) {
            case DEMOGRAPHICS -> "ChangeDemographics";
            case ENCOUNTER -> "RecordEncounter";
            case OBSERVATION -> "RecordObservation";
            case CONDITION -> "RecordCondition";
            case CLINICAL_NOTE, PSYCHOTHERAPY_NOTE -> "DraftNote";
            case CONSENT -> "GrantConsent";
            case CARE_TEAM -> "AssignToCareTeam";
            default -> throw new IllegalArgumentException(kind.name());
        };
        String body = switch (kind) {
            case DEMOGRAPHICS -> Clinic.demographics(patient.family(), "Pat", patient.id());
            case ENCOUNTER -> Clinic.encounterBody(patient.id());
            case OBSERVATION -> Clinic.observationBody(patient.id(), null);
            case CONDITION -> Clinic.conditionBody(patient.id());
            case CLINICAL_NOTE -> Clinic.noteBody(patient.id(), "CLINICAL");
            case PSYCHOTHERAPY_NOTE -> Clinic.noteBody(patient.id(), "PSYCHOTHERAPY");
            // a consent for another purpose and a care-team member who is nobody: they change no other cell
            case CONSENT -> "{\"patientId\": \"" + patient.id() + "\", \"purpose\": \"HRESCH\", \"actorUserId\": \"nobody-m\"}";
            case CARE_TEAM -> "{\"patientId\": \"" + patient.id() + "\", \"clinicianUserId\": \"nobody-m\"}";
            default -> throw new IllegalArgumentException(kind.name());
        };
        String requestId = UUID.randomUUID().toString();
        long events = eventCount();
        Api.Response response = api().post("/api/commands/" + command, token(user(role), TENANT, role), body, Clinic.requestId(requestId));
        AccessRecords.Entry record = onlyRecordOf(requestId);
        boolean permitted = expected.equals("role-grant");

        assertThat(record.rule()).isEqualTo(expected);
        assertThat(record.action()).isEqualTo("WRITE");
        assertThat(record.patientIds()).containsExactly(patient.id());
        if (!permitted) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(record.outcome()).isEqualTo("DENY");
            assertThat(eventCount()).as("a refused write appends no domain event").isEqualTo(events);
            assertThat(handled).as("a refused write never reaches its handler").doesNotContain(requestId);
            return;
        }
        assertThat(response.status()).as(response.body()).isEqualTo(kind == DEMOGRAPHICS ? 200 : 201);
        assertThat(record.outcome()).isEqualTo("PERMIT");
        assertThat(record.recordIds()).containsExactly(Clinic.tree(response.body()).get("recordId").asText());
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(handled).contains(requestId);
    }

    private AccessRecords.Entry onlyRecordOf(String requestId) {
        List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
        assertThat(records).as("access records of the request").hasSize(1);
        AccessRecords.Entry record = records.get(0);
        assertThat(record.metaData().path(MetadataKeys.TENANT).asText()).isEqualTo(TENANT);
        return record;
    }

    private static void assertNoRowIn(Api.Response response, Patient patient) {
        JsonNode body = Clinic.tree(response.body());
        assertThat(body.has("items")).isFalse();
        assertThat(body.has("id")).isFalse();
        assertThat(response.body()).doesNotContain(patient.family());
        patient.records().forEach((kind, id) -> assertThat(response.body()).doesNotContain(id));
    }

    private static String plural(RecordKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "s";
    }

    private static String key(boolean assigned, Consent consent) {
        return assigned + "/" + consent;
    }

    private static String user(String role) {
        return role + "-m";
    }

    private long rowsInTenant(String table) {
        try (Connection connection = database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement bind = connection.prepareStatement("select set_config('bonfire.tenant', ?, true)")) {
                bind.setString(1, TENANT);
                bind.execute();
            }
            try (PreparedStatement count = connection.prepareStatement("select count(*) from " + table);
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
