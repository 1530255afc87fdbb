package dev.bonfire.domain.observation;

/** Every event of the observation aggregate; stored names are frozen (see the event manifest test). */
public sealed interface ObservationEvent permits ObservationAmended, ObservationMarkedEnteredInError, ObservationRecorded {
}
