package dev.bonfire.domain.encounter;

/** Every event of the encounter aggregate; stored names are frozen (see the event manifest test). */
public sealed interface EncounterEvent permits EncounterRecorded {
}
