package dev.bonfire.query.http;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.RecordNotFoundException;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.query.api.ConditionDetails;
import dev.bonfire.query.api.EncounterDetails;
import dev.bonfire.query.api.ObservationDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.PatientDetails;
import dev.bonfire.query.api.PatientSummary;
import dev.bonfire.query.read.ClinicalSearch;
import dev.bonfire.query.read.ConditionQueries;
import dev.bonfire.query.read.EncounterQueries;
import dev.bonfire.query.read.ObservationQueries;
import dev.bonfire.query.read.Paging;
import dev.bonfire.query.read.PatientQueries;
import dev.bonfire.query.read.PatientSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Patients and their clinical records, read from the relational read models. Every handler checks the
 * gate (SEARCH for lists, READ for one patient) before its query; query parameters arrive as text and
 * are parsed here so a malformed one is a clear {@code InvalidCommandException} (400), never a guess.
 * The {@link Caller} is bound by the application from the verified token and the request headers.
 */
@Controller("/api/patients")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PatientController {

    private final GatedReads reads;
    private final PatientQueries patients;
    private final EncounterQueries encounters;
    private final ObservationQueries observations;
    private final ConditionQueries conditions;

    public PatientController(GatedReads reads, PatientQueries patients, EncounterQueries encounters,
                             ObservationQueries observations, ConditionQueries conditions) {
        this.reads = reads;
        this.patients = patients;
        this.encounters = encounters;
        this.observations = observations;
        this.conditions = conditions;
    }

    /**
     * {@code GET /api/patients?name=&limit=&offset=}: the patients of the tenant that the caller may see
     * (the gate's patient scope: care team, consent, break-the-glass), by family then given name.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public Page<PatientSummary> list(Caller caller, @Nullable @QueryValue String name,
                                     @Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        PatientSearch search = PatientSearch.parse(name, limit, offset);
        return reads.readScoped(caller, Action.SEARCH, RecordKind.DEMOGRAPHICS,
                scope -> patients.list(caller.tenantId(), search, scope));
    }

    /** {@code GET /api/patients/{id}}: one patient's demographics. */
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public PatientDetails get(Caller caller, @PathVariable String id) {
        return reads.read(caller, Action.READ, RecordKind.DEMOGRAPHICS, id,
                () -> patients.find(caller.tenantId(), id).orElseThrow(() -> new RecordNotFoundException(id)));
    }

    /** {@code GET /api/patients/{id}/encounters?limit=&offset=}: newest first. */
    @Get(uri = "/{id}/encounters", produces = MediaType.APPLICATION_JSON)
    public Page<EncounterDetails> encounters(Caller caller, @PathVariable String id,
                                             @Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
        Paging paging = Paging.parse(limit, offset);
        return reads.read(caller, Action.SEARCH, RecordKind.ENCOUNTER, id,
                () -> encounters.ofPatient(caller.tenantId(), id, paging));
    }

    /**
     * {@code GET /api/patients/{id}/observations?code=&from=&to=&includeEnteredInError=&limit=&offset=}:
     * newest effective first; {@code code} in token form, {@code from}/{@code to} FHIR dates matched by overlap.
     */
    @Get(uri = "/{id}/observations", produces = MediaType.APPLICATION_JSON)
    public Page<ObservationDetails> observations(Caller caller, @PathVariable String id,
                                                 @Nullable @QueryValue String code,
                                                 @Nullable @QueryValue String from,
                                                 @Nullable @QueryValue String to,
                                                 @Nullable @QueryValue String includeEnteredInError,
                                                 @Nullable @QueryValue String limit,
                                                 @Nullable @QueryValue String offset) {
        ClinicalSearch search = ClinicalSearch.parse(code, from, to, includeEnteredInError, limit, offset);
        return reads.read(caller, Action.SEARCH, RecordKind.OBSERVATION, id,
                () -> observations.ofPatient(caller.tenantId(), id, search));
    }

    /**
     * {@code GET /api/patients/{id}/conditions?code=&from=&to=&includeEnteredInError=&limit=&offset=}:
     * newest onset first; {@code from}/{@code to} match the onset by overlap.
     */
    @Get(uri = "/{id}/conditions", produces = MediaType.APPLICATION_JSON)
    public Page<ConditionDetails> conditions(Caller caller, @PathVariable String id,
                                             @Nullable @QueryValue String code,
                                             @Nullable @QueryValue String from,
                                             @Nullable @QueryValue String to,
                                             @Nullable @QueryValue String includeEnteredInError,
                                             @Nullable @QueryValue String limit,
                                             @Nullable @QueryValue String offset) {
        ClinicalSearch search = ClinicalSearch.parse(code, from, to, includeEnteredInError, limit, offset);
        return reads.read(caller, Action.SEARCH, RecordKind.CONDITION, id,
                () -> conditions.ofPatient(caller.tenantId(), id, search));
    }
}
