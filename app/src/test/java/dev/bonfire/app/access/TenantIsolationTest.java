package dev.bonfire.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bonfire.app.support.AccessRecords;
import dev.bonfire.app.support.Api;
import dev.bonfire.app.support.Clinic;
import dev.bonfire.app.support.ServerTest;
import dev.bonfire.policy.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants never meet. Another tenant's ids answer byte for byte like ids that never existed, on every
 * door; and row-level security, the second wall, hides other tenants' rows from a query that forgets
 * its tenant filter, run as the application's own database role.
 */
@MicronautTest
class TenantIsolationTest extends ServerTest {

    private static final String A = "iso-clinic-a";
    private static final String B = "iso-clinic-b";

    /** Ids of tenant A's records, by name. */
    private final Map<String, String> a = new TreeMap<>();
    private String patientOfB;
    private String clinicianB;

    @BeforeAll
    void givenTwoTenants_eachWithAPatientOnItsClinicianCareTeam() {
        Clinic clinicA = new Clinic(api(), A, (user, role) -> token(user, A, role));
        a.put("patient", clinicA.registerPatient("Isolani", "Ines"));
        a.put("encounter", clinicA.encounter(a.get("patient")));
        a.put("observation", clinicA.observation(a.get("patient"), null));
        a.put("condition", clinicA.condition(a.get("patient")));
        a.put("consent", clinicA.grantConsent(a.get("patient"), "TREAT"));
        a.put("assignment", clinicA.assign(a.get("patient"), "dr-a"));
        Clinic clinicB = new Clinic(api(), B, (user, role) -> token(user, B, role));
        patientOfB = clinicB.registerPatient("Borealis", "Bo");
        clinicB.assign(patientOfB, "dr-b");
        clinicB.encounter(patientOfB);
        clinicianB = token("dr-b", B, "clinician");
        // one search in each tenant, so that each has a digest key to hide
        api().get("/api/patients?name=Iso", token("desk-a", A, "front-desk"));
        api().get("/api/patients?name=Bor", token("desk-b", B, "front-desk"));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(A, "select count(*) from condition_view") == 1
                && rows(B, "select count(*) from encounter_view") == 1);
    }

    @Test
    void anotherTenantsIds_answerByteForByteLikeIdsThatNeverExisted_onEveryDoor() {
        String never = UUID.randomUUID().toString();
        String neverPatient = UUID.randomUUID().toString();
        Map<String, String[]> doors = new TreeMap<>();
        // {foreign request, never-existed request}
        doors.put("read patient", new String[] {"/api/patients/" + a.get("patient"), "/api/patients/" + neverPatient});
        doors.put("list encounters", new String[] {"/api/patients/" + a.get("patient") + "/encounters", "/api/patients/" + neverPatient + "/encounters"});
        doors.put("list observations", new String[] {"/api/patients/" + a.get("patient") + "/observations", "/api/patients/" + neverPatient + "/observations"});
        doors.put("list conditions", new String[] {"/api/patients/" + a.get("patient") + "/conditions", "/api/patients/" + neverPatient + "/conditions"});
        doors.put("history", new String[] {"/api/patients/" + a.get("patient") + "/history", "/api/patients/" + neverPatient + "/history"});
        doors.put("read encounter", new String[] {
                "/api/patients/" + a.get("patient") + "/encounters/" + a.get("encounter"), "/api/patients/" + neverPatient + "/encounters/" + never});
        doors.put("read observation via own patient", new String[] {
                "/api/patients/" + patientOfB + "/observations/" + a.get("observation"), "/api/patients/" + patientOfB + "/observations/" + never});
        doors.put("read condition", new String[] {
                "/api/patients/" + a.get("patient") + "/conditions/" + a.get("condition"), "/api/patients/" + neverPatient + "/conditions/" + never});
        doors.forEach((door, paths) -> {
            Api.Response foreign = get(paths[0]);
            Api.Response unknown = get(paths[1]);
            assertSameAnswer(door, foreign, unknown);
        });

        Map<String, String[]> commands = new TreeMap<>();
        commands.put("RecordObservation", new String[] {Clinic.observationBody(a.get("patient"), null), Clinic.observationBody(neverPatient, null)});
        commands.put("AmendObservation", new String[] {
                "{\"observationId\": \"" + a.get("observation") + "\", \"patientId\": \"" + a.get("patient") + "\", \"value\": {\"text\": \"x\"}, \"reason\": \"typo\"}",
                "{\"observationId\": \"" + never + "\", \"patientId\": \"" + neverPatient + "\", \"value\": {\"text\": \"x\"}, \"reason\": \"typo\"}"});
        commands.put("ChangeDemographics", new String[] {Clinic.demographics("X", "Y", a.get("patient")), Clinic.demographics("X", "Y", neverPatient)});
        commands.put("WithdrawConsent", new String[] {
                "{\"consentId\": \"" + a.get("consent") + "\", \"patientId\": \"" + a.get("patient") + "\"}",
                "{\"consentId\": \"" + never + "\", \"patientId\": \"" + neverPatient + "\"}"});
        commands.put("EndCareTeamAssignment", new String[] {
                "{\"assignmentId\": \"" + a.get("assignment") + "\", \"patientId\": \"" + a.get("patient") + "\"}",
                "{\"assignmentId\": \"" + never + "\", \"patientId\": \"" + neverPatient + "\"}"});
        long events = eventCount();
        commands.forEach((command, bodies) -> {
            Api.Response foreign = post(command, bodies[0], clinicianB);
            Api.Response unknown = post(command, bodies[1], clinicianB);
            assertSameAnswer(command, foreign, unknown);
            Api.Response foreignDesk = post(command, bodies[0], token("desk-b", B, "front-desk"));
            Api.Response unknownDesk = post(command, bodies[1], token("desk-b", B, "front-desk"));
            assertSameAnswer(command + " (front desk)", foreignDesk, unknownDesk);
        });
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aListOfAnotherTenant_showsNoneOfItsPatients_andCountsNone() {
        Api.Response list = api().get("/api/patients?name=Isolani", token("desk-b", B, "front-desk"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(Clinic.tree(list.body()).get("total").asLong()).isZero();
        assertThat(list.body()).doesNotContain(a.get("patient"));
    }

    @Test
    void theApplicationsRole_isNeitherSuperuserNorBypassesRowLevelSecurity() {
        try (Connection connection = appConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user");
             ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(TestDatabase.required("BONFIRE_TEST_DATABASE_USER"));
            assertThat(row.getBoolean(2)).as("superuser").isFalse();
            assertThat(row.getBoolean(3)).as("bypassrls").isFalse();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTableWithATenantColumn_hasRowLevelSecurityEnabledAndForced_onTheTenantSetting() {
        List<String> tables = tenantTables();
        assertThat(tables).contains("policy_record", "patient_view", "observation_view", "command_idempotency", "access_digest_key",
                "fhir_import_bundle");
        List<String> unprotected = new ArrayList<>();
        for (String table : tables) {
            String state = single("select c.relrowsecurity || '/' || c.relforcerowsecurity || '/' || "
                    + "(select count(*) from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname "
                    + "and p.qual like '%bonfire.tenant%' and p.with_check like '%bonfire.tenant%') "
                    + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relname = ?",
                    table);
            if (!state.equals("true/true/1")) {
                unprotected.add(table + " (enabled/forced/policies: " + state + ")");
            }
        }
        assertThat(unprotected).as("tenant tables without forced row-level security").isEmpty();
    }

    @Test
    void anUnfilteredQuery_asTheApplicationsRole_seesOnlyTheBoundTenant_andNothingWithNoneBound() throws SQLException {
        List<String> tables = tenantTables();
        long seenOfA = 0;
        try (Connection connection = appConnection()) {
            connection.setAutoCommit(false);
            for (String table : tables) {
                bind(connection, B);
                List<String> tenantsSeenByB = tenants(connection, table);
                assertThat(tenantsSeenByB).as("tenants in %s with tenant B bound", table).allMatch(B::equals);
                bind(connection, A);
                List<String> tenantsSeenByA = tenants(connection, table);
                assertThat(tenantsSeenByA).as("tenants in %s with tenant A bound", table).allMatch(A::equals);
                seenOfA += tenantsSeenByA.size();
                connection.rollback();
                assertThat(tenants(connection, table)).as("rows of %s with no tenant bound", table).isEmpty();
                connection.rollback();
            }
        }
        assertThat(seenOfA).as("tenant A's rows exist, so the walls above were tested against something").isGreaterThan(10);
    }

    private void assertSameAnswer(String door, Api.Response foreign, Api.Response unknown) {
        assertThat(foreign.status()).as(door + ": " + foreign.body()).isEqualTo(404);
        assertThat(unknown.status()).as(door).isEqualTo(foreign.status());
        assertThat(unknown.body()).as(door).isEqualTo(foreign.body());
        assertThat(withoutVarying(unknown.headers())).as(door).isEqualTo(withoutVarying(foreign.headers()));
    }

    private static Map<String, List<String>> withoutVarying(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("x-request-id") && !name.equalsIgnoreCase("date")) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    private Api.Response get(String path) {
        String requestId = UUID.randomUUID().toString();
        Api.Response response = api().get(path, clinicianB, Clinic.requestId(requestId));
        assertNotFoundRecorded(requestId);
        return response;
    }

    private Api.Response post(String command, String body, String token) {
        String requestId = UUID.randomUUID().toString();
        Api.Response response = api().post("/api/commands/" + command, token, body, Clinic.requestId(requestId));
        assertNotFoundRecorded(requestId);
        return response;
    }

    private void assertNotFoundRecorded(String requestId) {
        List<AccessRecords.Entry> records = accessRecords().ofRequest(requestId);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).outcome()).isEqualTo("NOT_FOUND");
        assertThat(records.get(0).metaData().get("tenant").asText()).isEqualTo(B);
    }

    /** A connection as the application's database role (the same credentials the server uses). */
    private Connection appConnection() throws SQLException {
        return database().dataSource().getConnection();
    }

    private List<String> tenantTables() {
        List<String> tables = new ArrayList<>();
        try (Connection connection = appConnection();
             PreparedStatement statement = connection.prepareStatement("select table_name from information_schema.columns "
                     + "where table_schema = current_schema() and column_name = 'tenant_id' order by table_name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static void bind(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('bonfire.tenant', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    /** Deliberately unfiltered: every row the table shows, by its tenant column. */
    private static List<String> tenants(Connection connection, String table) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select tenant_id from " + table);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tenants.add(rows.getString(1));
            }
        }
        return tenants;
    }

    private String single(String sql, String param) {
        try (Connection connection = appConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, param);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows(String tenant, String sql) {
        try (Connection connection = appConnection()) {
            connection.setAutoCommit(false);
            try {
                bind(connection, tenant);
                try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
