package dev.bonfire.domain.common;

/** A code from a code system (FHIR Coding). */
public record Coding(String system, String code, String display) {
    public Coding {
        Require.shortText(system, "coding system", 1024);
        Require.shortText(code, "code", 256);
        Require.shortText(display, "coding display", 1024);
        if ((code == null || code.isBlank()) && (display == null || display.isBlank())) {
            throw new InvalidCommandException("a coding needs a code or a display");
        }
    }
}
