package dev.bonfire.domain.common;

/** A code from a code system (FHIR Coding). */
public record Coding(String system, String code, String display) {
    public Coding {
        if ((code == null || code.isBlank()) && (display == null || display.isBlank())) {
            throw new InvalidCommandException("a coding needs a code or a display");
        }
    }
}
