package dev.bonfire.domain.condition;

/** Every event of the condition aggregate; stored names are frozen (see the event manifest test). */
public sealed interface ConditionEvent permits ConditionClinicalStatusChanged, ConditionMarkedEnteredInError, ConditionRecorded {
}
