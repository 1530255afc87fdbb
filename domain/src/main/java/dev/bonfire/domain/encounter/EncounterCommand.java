package dev.bonfire.domain.encounter;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the encounter aggregate. */
public sealed interface EncounterCommand extends ClinicalCommand permits RecordEncounter {
}
