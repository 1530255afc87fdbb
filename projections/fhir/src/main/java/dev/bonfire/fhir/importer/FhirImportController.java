package dev.bonfire.fhir.importer;

import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.Decision;
import dev.bonfire.policy.RolePolicy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.io.ByteArrayInputStream;
import java.util.Set;

/**
 * {@code POST /api/import/fhir}: imports one FHIR R4 Bundle (or resource) for the caller's tenant. Only the
 * {@code admin} and {@code importer} roles may import; the records are written by the tenant's import
 * principal, with the caller as actor. Answers 200 with the {@link ImportReport} (imported or already
 * imported), or 422 with an RFC 9457 problem whose {@code report} member lists why nothing was stored.
 */
@Controller("/api/import/fhir")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FhirImportController {

    /** Media type of a rejection. */
    public static final String PROBLEM_JSON = "application/problem+json";
    static final String FHIR_JSON = "application/fhir+json";
    static final Set<String> IMPORT_ROLES = Set.of(RolePolicy.ADMIN, RolePolicy.IMPORTER);

    private final FhirBundleImporter importer;

    public FhirImportController(FhirBundleImporter importer) {
        this.importer = importer;
    }

    @Post(consumes = {FHIR_JSON, MediaType.APPLICATION_JSON}, produces = {MediaType.APPLICATION_JSON, PROBLEM_JSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> importBundle(Caller caller, @Body byte[] body) {
        if (caller == null || blank(caller.tenantId()) || blank(caller.actorId())) {
            throw new AccessDeniedException(Decision.deny("caller-complete", "the request does not name its tenant and actor"));
        }
        if (!IMPORT_ROLES.contains(caller.role())) {
            throw new AccessDeniedException(Decision.deny("import-role", "only the admin and importer roles may import FHIR data"));
        }
        ImportReport report = importer.importBundle(caller.tenantId(), caller.actorId(), new ByteArrayInputStream(body), ProgressListener.NONE);
        if (report.status() == ImportReport.Status.REJECTED) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .contentType(PROBLEM_JSON)
                    .body(new Rejection(Rejection.TYPE, "FHIR bundle rejected", 422, report.message(), report));
        }
        return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The 422 body: an RFC 9457 problem with the full report as an extension member.
     *
     * @param type   {@value #TYPE}
     * @param title  a short summary
     * @param status 422
     * @param detail the report's message (the first reason)
     * @param report the full report: every problem, per type
     */
    @Serdeable
    public record Rejection(String type, String title, int status, String detail, ImportReport report) {
        public static final String TYPE = "https://bonfire.dev/problems/fhir-bundle-rejected";
    }
}
