package dev.bonfire.domain.condition;

import java.util.Set;

/** FHIR R4 condition clinical and verification status codes. */
final class ConditionStatus {
    static final Set<String> CLINICAL = Set.of("active", "recurrence", "relapse", "inactive", "remission", "resolved");
    static final Set<String> VERIFICATION_RECORDABLE = Set.of("unconfirmed", "provisional", "differential", "confirmed", "refuted");

    private ConditionStatus() {
    }
}
