package dev.bonfire.query.read;

import dev.bonfire.domain.common.InvalidCommandException;

/** Small helpers for query parameters. */
final class Params {

    private static final int ECHO = 40;

    private Params() {
    }

    /** A parameter value for an error message, cut short so a long value cannot flood a log line. */
    static String shorten(String value) {
        return value.length() <= ECHO ? value : value.substring(0, ECHO) + "…";
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidCommandException(name + " must be true or false, was '" + shorten(value) + "'");
        };
    }
}
