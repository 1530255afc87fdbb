package dev.bonfire.policy.access;

import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.policy.Action;
import dev.bonfire.policy.Caller;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request at a door, as the gate and the access log see it.
 *
 * @param door          the door's name: {@code METHOD /route/{template}}
 * @param caller        who asks (from the token and headers)
 * @param correlationId the request id, into the access record's metadata
 * @param action        what the door does
 * @param kind          the kind of record asked for
 * @param patientId     the patient, or {@code null} for a tenant-wide list
 * @param recordId      the record, or {@code null}
 * @param parameters    the search parameters as sent (kept only as a keyed digest, never in clear)
 */
public record DoorRequest(String door, Caller caller, String correlationId, Action action, RecordKind kind,
                          String patientId, String recordId, Map<String, String> parameters) {

    public DoorRequest {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A request about one patient (and, with {@code recordId}, one record of theirs). */
    public static DoorRequest patient(String door, Caller caller, String correlationId, Action action, RecordKind kind,
                                      String patientId, String recordId, Map<String, String> parameters) {
        return new DoorRequest(door, caller, correlationId, action, kind, patientId, recordId, parameters);
    }

    /** A tenant-wide list or search. */
    public static DoorRequest tenant(String door, Caller caller, String correlationId, Action action, RecordKind kind,
                                     Map<String, String> parameters) {
        return new DoorRequest(door, caller, correlationId, action, kind, null, null, parameters);
    }
}
