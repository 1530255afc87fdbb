package dev.bonfire.domain.common;

import java.util.List;

/** A person's name as recorded (FHIR HumanName); {@code use} is official, usual, maiden, ... */
public record HumanName(String use, String family, List<String> given, List<String> prefix, String text) {
    public HumanName {
        given = Require.list(given);
        prefix = Require.list(prefix);
        if ((family == null || family.isBlank()) && given.isEmpty() && (text == null || text.isBlank())) {
            throw new InvalidCommandException("a name needs a family name, a given name or a text");
        }
    }
}
