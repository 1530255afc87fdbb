package dev.bonfire.fhir.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.RolePolicy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirImportControllerTest {

    private static final String ORGANIZATION = """
            {"resourceType":"Organization","id":"org-1","name":"Clinic One"}""";

    private ImportRig rig;
    private FhirImportController controller;

    @BeforeAll
    void start() {
        rig = ImportRig.start();
        controller = new FhirImportController(rig.importer);
    }

    @AfterAll
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void importBundle_isDenied_andStoresNothing_whenTheCallerIsAClinician() {
        String tenant = tenant();
        long events = rig.events();

        AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class,
                () -> controller.importBundle(caller(tenant, RolePolicy.CLINICIAN), ORGANIZATION.getBytes(StandardCharsets.UTF_8)));

        assertThat(denied).isNotNull();
        assertThat(denied.decision().outcome()).isEqualTo(Decision.Outcome.DENY);
        assertThat(denied.decision().rule()).isEqualTo("import-role");
        assertThat(rig.events()).isEqualTo(events);
    }

    @Test
    void importBundle_answers200WithTheReport_whenAnAdminImports() {
        String tenant = tenant();

        HttpResponse<?> response = controller.importBundle(caller(tenant, RolePolicy.ADMIN), ORGANIZATION.getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
        ImportReport report = (ImportReport) response.body();
        assertThat(report.status()).isEqualTo(ImportReport.Status.IMPORTED);
        assertThat(report.byType().get("Organization").imported()).isEqualTo(1);
        assertThat(rig.recordsOfKind(tenant, "DIRECTORY")).isEqualTo(1);
    }

    @Test
    void importBundle_answers422WithAProblem_whenTheBundleIsInvalid() {
        String tenant = tenant();

        HttpResponse<?> response = controller.importBundle(caller(tenant, RolePolicy.IMPORTER),
                "{\"resourceType\":\"Patient\",\"active\":true,\"active\":false}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo(FhirImportController.PROBLEM_JSON));
        FhirImportController.Rejection problem = (FhirImportController.Rejection) response.body();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo(FhirImportController.Rejection.TYPE);
        assertThat(problem.detail()).contains("Duplicate field 'active'");
        assertThat(problem.report().status()).isEqualTo(ImportReport.Status.REJECTED);
    }

    private static Caller caller(String tenant, String role) {
        return new Caller(tenant, "user-1", role, "TREAT", "test-app");
    }

    private static String tenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
