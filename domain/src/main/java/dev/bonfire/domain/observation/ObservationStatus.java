package dev.bonfire.domain.observation;

import java.util.Set;

/** FHIR R4 observation-status codes a new observation may carry ("amended" and "entered-in-error" come from commands). */
final class ObservationStatus {
    static final Set<String> RECORDABLE = Set.of("registered", "preliminary", "final", "amended", "corrected", "cancelled", "unknown");

    private ObservationStatus() {
    }
}
