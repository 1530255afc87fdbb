package dev.bonfire.domain.common;

/** A business identifier (FHIR Identifier): a value in a namespace. */
public record Identifier(String system, String value, String type) {
    public Identifier {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException("an identifier needs a value");
        }
    }
}
