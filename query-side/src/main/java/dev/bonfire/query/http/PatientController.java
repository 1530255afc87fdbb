package dev.bonfire.query.http;

import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import dev.bonfire.policy.access.Disclosure;
import dev.bonfire.policy.access.DoorRequest;
import dev.bonfire.policy.access.GatedAccess;
import dev.bonfire.query.api.ConditionDetails;
import dev.bonfire.query.api.EncounterDetails;
import dev.bonfire.query.api.HistoryEntry;
import dev.bonfire.query.api.ObservationDetails;
import dev.bonfire.query.api.Page;
import dev.bonfire.query.api.PatientDetails;
import dev.bonfire.query.api.PatientSummary;
import dev.bonfire.query.read.ClinicalSearch;
import dev.bonfire.query.read.ConditionQueries;
import dev.bonfire.query.read.EncounterQueries;
import dev.bonfire.query.read.ObservationQueries;
import dev.bonfire.query.read.Paging;
import dev.bonfire.query.read.PatientHistory;
import dev.bonfire.query.read.PatientQueries;
import dev.bonfire.query.read.PatientSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Patients and their clinical records, read from the relational read models, and their change
 * history, read from the event log. Every handler goes through {@link GatedAccess}: the gate decides
 * (SEARCH for lists, READ for one record, HISTORY for history), the query runs with the permit it
 * gets, and an access record naming what is returned is appended before the answer leaves. Query
 * parameters arrive as text and are parsed first, so a malformed one is a clear 400, never a guess.
 * A patient or record of another tenant answers exactly like one that never existed.
 * The {@link Caller} is bound by the application from the verified token and the request headers.
 */
@Controller("/api/patients")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PatientController {

    static final String REQUEST_ID = "X-Request-Id";

    private final GatedAccess gated;
    private final PatientQueries patients;
    private final EncounterQueries encounters;
    private final ObservationQueries observations;
    private final ConditionQueries conditions;
    private final PatientHistory history;

    public PatientController(GatedAccess gated, PatientQueries patients, EncounterQueries encounters,
                             ObservationQueries observations, ConditionQueries conditions, PatientHistory history) {
        this.gated = gated;
        this.patients = patients;
        this.encounters = encounters;
        this.observations = observations;
        this.conditions = conditions;
        this.history = history;
    }

    /**
     * {@code GET /api/patients?name=&limit=&offset=}: the patients of the tenant that the caller may see
     * (the gate's patient scope: care team, consent, break-the-glass), by family then given name; the
     * total counts only those.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public Page<PatientSummary> list(Caller caller, @Nullable @QueryValue String name,
                                     @Nullable @QueryValue String limit, @Nullable @QueryValue String offset,
                                     @Nullable @Header(REQUEST_ID) String requestId) {
        PatientSearch search = PatientSearch.parse(name, limit, offset);
        DoorRequest request = DoorRequest.tenant("GET /api/patients", caller, id(requestId), Action.SEARCH, RecordKind.DEMOGRAPHICS,
                params("name", name, "limit", limit, "offset", offset));
        return gated.list(request, permit -> patients.list(permit, search),
                page -> Disclosure.patients(page.items().stream().map(PatientSummary::id).toList()));
    }

    /** {@code GET /api/patients/{id}}: one patient's demographics. */
    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public PatientDetails get(Caller caller, @PathVariable String id, @Nullable @Header(REQUEST_ID) String requestId) {
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}", caller, id(requestId), Action.READ, RecordKind.DEMOGRAPHICS,
                id, id, Map.of());
        return gated.read(request, patients::find, patient -> Disclosure.ofPatient(id, List.of(patient.id())));
    }

    /** {@code GET /api/patients/{id}/encounters?limit=&offset=}: newest first. */
    @Get(uri = "/{id}/encounters", produces = MediaType.APPLICATION_JSON)
    public Page<EncounterDetails> encounters(Caller caller, @PathVariable String id,
                                             @Nullable @QueryValue String limit, @Nullable @QueryValue String offset,
                                             @Nullable @Header(REQUEST_ID) String requestId) {
        Paging paging = Paging.parse(limit, offset);
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/encounters", caller, id(requestId), Action.SEARCH,
                RecordKind.ENCOUNTER, id, null, params("limit", limit, "offset", offset));
        return gated.read(request, permit -> Optional.of(encounters.ofPatient(permit, paging)),
                page -> Disclosure.ofPatient(id, page.items().stream().map(EncounterDetails::id).toList()));
    }

    /** {@code GET /api/patients/{id}/encounters/{recordId}}: one encounter of the patient. */
    @Get(uri = "/{id}/encounters/{recordId}", produces = MediaType.APPLICATION_JSON)
    public EncounterDetails encounter(Caller caller, @PathVariable String id, @PathVariable String recordId,
                                      @Nullable @Header(REQUEST_ID) String requestId) {
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/encounters/{recordId}", caller, id(requestId), Action.READ,
                RecordKind.ENCOUNTER, id, recordId, Map.of());
        return gated.read(request, encounters::find, encounter -> Disclosure.ofPatient(id, List.of(encounter.id())));
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
                                                 @Nullable @QueryValue String offset,
                                                 @Nullable @Header(REQUEST_ID) String requestId) {
        ClinicalSearch search = ClinicalSearch.parse(code, from, to, includeEnteredInError, limit, offset);
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/observations", caller, id(requestId), Action.SEARCH,
                RecordKind.OBSERVATION, id, null, params("code", code, "from", from, "to", to,
                        "includeEnteredInError", includeEnteredInError, "limit", limit, "offset", offset));
        return gated.read(request, permit -> Optional.of(observations.ofPatient(permit, search)),
                page -> Disclosure.ofPatient(id, page.items().stream().map(ObservationDetails::id).toList()));
    }

    /** {@code GET /api/patients/{id}/observations/{recordId}}: one observation of the patient. */
    @Get(uri = "/{id}/observations/{recordId}", produces = MediaType.APPLICATION_JSON)
    public ObservationDetails observation(Caller caller, @PathVariable String id, @PathVariable String recordId,
                                          @Nullable @Header(REQUEST_ID) String requestId) {
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/observations/{recordId}", caller, id(requestId), Action.READ,
                RecordKind.OBSERVATION, id, recordId, Map.of());
        return gated.read(request, observations::find, observation -> Disclosure.ofPatient(id, List.of(observation.id())));
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
                                             @Nullable @QueryValue String offset,
                                             @Nullable @Header(REQUEST_ID) String requestId) {
        ClinicalSearch search = ClinicalSearch.parse(code, from, to, includeEnteredInError, limit, offset);
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/conditions", caller, id(requestId), Action.SEARCH,
                RecordKind.CONDITION, id, null, params("code", code, "from", from, "to", to,
                        "includeEnteredInError", includeEnteredInError, "limit", limit, "offset", offset));
        return gated.read(request, permit -> Optional.of(conditions.ofPatient(permit, search)),
                page -> Disclosure.ofPatient(id, page.items().stream().map(ConditionDetails::id).toList()));
    }

    /** {@code GET /api/patients/{id}/conditions/{recordId}}: one condition of the patient. */
    @Get(uri = "/{id}/conditions/{recordId}", produces = MediaType.APPLICATION_JSON)
    public ConditionDetails condition(Caller caller, @PathVariable String id, @PathVariable String recordId,
                                      @Nullable @Header(REQUEST_ID) String requestId) {
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/conditions/{recordId}", caller, id(requestId), Action.READ,
                RecordKind.CONDITION, id, recordId, Map.of());
        return gated.read(request, conditions::find, condition -> Disclosure.ofPatient(id, List.of(condition.id())));
    }

    /**
     * {@code GET /api/patients/{id}/history?kind=&limit=&offset=}: the change history of the patient's
     * records (event type, time, actor, record, version; no clinical values), oldest first. With
     * {@code kind} (a record kind such as {@code observation}) the gate decides on that kind; without,
     * on the patient's demographics, and kinds the caller may not read are left out.
     */
    @Get(uri = "/{id}/history", produces = MediaType.APPLICATION_JSON)
    public Page<HistoryEntry> history(Caller caller, @PathVariable String id, @Nullable @QueryValue String kind,
                                      @Nullable @QueryValue String limit, @Nullable @QueryValue String offset,
                                      @Nullable @Header(REQUEST_ID) String requestId) {
        RecordKind only = kind(kind);
        Paging paging = Paging.parse(limit, offset);
        DoorRequest request = DoorRequest.patient("GET /api/patients/{id}/history", caller, id(requestId), Action.HISTORY,
                only == null ? RecordKind.DEMOGRAPHICS : only, id, null, params("kind", kind, "limit", limit, "offset", offset));
        return gated.read(request, permit -> Optional.of(history.of(permit, only, paging)),
                page -> Disclosure.ofPatient(id, page.items().stream().map(HistoryEntry::recordId).distinct().toList()));
    }

    private static RecordKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return RecordKind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("kind must be one of " + List.of(RecordKind.values()).toString().toLowerCase(Locale.ROOT));
        }
    }

    private static String id(String requestId) {
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }
}
