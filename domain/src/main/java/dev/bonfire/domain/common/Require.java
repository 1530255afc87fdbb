package dev.bonfire.domain.common;

import java.util.List;
import java.util.Set;

/** Guards for message constructors: a malformed command never gets as far as a handler. */
public final class Require {

    private Require() {
    }

    public static void present(Object value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidCommandException(name + " is required");
        }
    }

    /**
     * A short text such as a name part or a code: at most {@code max} characters and no control
     * characters (a NUL can't even be stored in PostgreSQL text, and would stop every projection).
     */
    public static void shortText(String value, String name, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new InvalidCommandException(name + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new InvalidCommandException(name + " contains control characters");
        }
    }

    public static void oneOf(String value, String name, Set<String> allowed) {
        present(value, name);
        oneOfOrNull(value, name, allowed);
    }

    public static void oneOfOrNull(String value, String name, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidCommandException(name + " must be one of " + allowed.stream().sorted().toList() + ", was '" + value + "'");
        }
    }

    /** An immutable copy of the list; absent means empty; a null element is malformed input. */
    public static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null)) {
            throw new InvalidCommandException("lists may not contain null elements");
        }
        return List.copyOf(values);
    }
}
