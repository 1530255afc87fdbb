package dev.bonfire.domain.consent;

/** Every event of the consent aggregate; stored names are frozen (see the event manifest test). */
public sealed interface ConsentEvent permits ConsentGranted, ConsentWithdrawn {
}
