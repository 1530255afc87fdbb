package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One change to one of a patient's records, from the event log: what happened, when, by whom, and the
 * record's version after it. No clinical values: for those, read the record.
 *
 * @param recordId  the record changed
 * @param kind      the record's kind ({@code OBSERVATION}, {@code CONSENT}, …)
 * @param version   the record's version after this change (0 for its creation)
 * @param eventType what happened, as the event's name ({@code ObservationAmended})
 * @param time      when it was appended (UTC)
 * @param actorId   who did it
 * @param actorRole in which role
 */
@Serdeable
public record HistoryEntry(String recordId, String kind, long version, String eventType, String time, String actorId,
                           String actorRole) {
}
