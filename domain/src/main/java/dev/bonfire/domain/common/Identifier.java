package dev.bonfire.domain.common;

/** A business identifier (FHIR Identifier): a value in a namespace. */
public record Identifier(String system, String value, String type) {
    public Identifier {
        Require.shortText(system, "identifier system", 1024);
        Require.shortText(value, "identifier value", 256);
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException("an identifier needs a value");
        }
    }
}
