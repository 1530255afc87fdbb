package dev.bonfire.domain.common;

import java.util.List;

/** A person's name as recorded (FHIR HumanName); {@code use} is official, usual, maiden, ... */
public record HumanName(String use, String family, List<String> given, List<String> prefix, String text) {
    public HumanName {
        given = Require.list(given);
        prefix = Require.list(prefix);
        Require.shortText(family, "family name", 200);
        Require.shortText(text, "name text", 500);
        Require.shortText(use, "name use", 32);
        given.forEach(g -> Require.shortText(g, "given name", 200));
        prefix.forEach(p -> Require.shortText(p, "name prefix", 100));
        if ((family == null || family.isBlank()) && given.isEmpty() && (text == null || text.isBlank())) {
            throw new InvalidCommandException("a name needs a family name, a given name or a text");
        }
    }
}
