package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An encounter of a patient; its period as written. */
@Serdeable
public record EncounterDetails(
        String id,
        String patientId,
        String status,
        CodingView encounterClass,
        List<ConceptView> types,
        PeriodView period,
        List<ConceptView> reasons,
        List<ReferenceView> participants,
        ReferenceView serviceProvider,
        ReferenceView location,
        Long version) {
}
