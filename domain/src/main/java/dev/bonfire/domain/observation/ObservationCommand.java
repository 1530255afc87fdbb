package dev.bonfire.domain.observation;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the observation aggregate. */
public sealed interface ObservationCommand extends ClinicalCommand permits AmendObservation, MarkObservationEnteredInError, RecordObservation {
}
