package dev.bonfire.domain.breakglass;

/** Emergency access to a patient was opened. */
public record GlassBroken(
        String breakGlassId,
        String patientId,
        String reason) implements BreakGlassEvent {
}
