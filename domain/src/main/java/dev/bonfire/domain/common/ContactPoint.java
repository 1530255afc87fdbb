package dev.bonfire.domain.common;

/** A phone number, e-mail address or similar (FHIR ContactPoint). */
public record ContactPoint(String system, String value, String use) {
    public ContactPoint {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException("a contact point needs a value");
        }
    }
}
