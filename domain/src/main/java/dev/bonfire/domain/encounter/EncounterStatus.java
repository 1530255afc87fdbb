package dev.bonfire.domain.encounter;

import java.util.Set;

/** FHIR R4 encounter-status codes. */
final class EncounterStatus {
    static final Set<String> CODES = Set.of("planned", "arrived", "triaged", "in-progress", "onleave", "finished",
            "cancelled", "entered-in-error", "unknown");

    private EncounterStatus() {
    }
}
