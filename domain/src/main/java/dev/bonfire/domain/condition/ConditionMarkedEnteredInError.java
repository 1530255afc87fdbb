package dev.bonfire.domain.condition;

/** A condition was marked entered-in-error. */
public record ConditionMarkedEnteredInError(
        String conditionId,
        String patientId,
        String reason) implements ConditionEvent {
}
