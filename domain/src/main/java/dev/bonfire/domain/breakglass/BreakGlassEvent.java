package dev.bonfire.domain.breakglass;

/** Every event of the break-the-glass aggregate; stored names are frozen (see the event manifest test). */
public sealed interface BreakGlassEvent permits GlassBroken {
}
