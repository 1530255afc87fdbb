package dev.bonfire.domain.common;

import java.util.List;

/** A concept given by one or more codings and/or text (FHIR CodeableConcept). */
public record CodeableConcept(List<Coding> codings, String text) {
    public CodeableConcept {
        codings = Require.list(codings);
        if (codings.isEmpty() && (text == null || text.isBlank())) {
            throw new InvalidCommandException("a concept needs a coding or a text");
        }
    }

    /** A concept with a single coding. */
    public static CodeableConcept of(String system, String code, String display) {
        return new CodeableConcept(List.of(new Coding(system, code, display)), null);
    }

    /** {@code true} when one of the codings has this system and code ({@code system} may be null to match any). */
    public boolean hasCode(String system, String code) {
        return codings.stream().anyMatch(c -> code.equals(c.code()) && (system == null || system.equals(c.system())));
    }
}
