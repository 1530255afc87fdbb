package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the condition aggregate. */
public sealed interface ConditionCommand extends ClinicalCommand permits ChangeConditionClinicalStatus, MarkConditionEnteredInError, RecordCondition {
}
