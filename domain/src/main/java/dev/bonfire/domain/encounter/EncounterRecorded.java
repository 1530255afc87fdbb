package dev.bonfire.domain.encounter;

import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Coding;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.Reference;
import java.util.List;

/** An encounter was recorded. */
public record EncounterRecorded(
        String encounterId,
        String patientId,
        String status,
        Coding encounterClass,
        List<CodeableConcept> types,
        Period period,
        List<CodeableConcept> reasons,
        List<Reference> participants,
        Reference serviceProvider,
        Reference location) implements EncounterEvent {
}
