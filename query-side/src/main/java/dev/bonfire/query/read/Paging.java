package dev.bonfire.query.read;

import dev.bonfire.domain.common.InvalidCommandException;

/**
 * Which page of a list: {@code limit} rows (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT})
 * after skipping {@code offset} rows (0 to {@value #MAX_OFFSET}, default 0).
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 100_000;

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidCommandException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidCommandException("offset must be between 0 and " + MAX_OFFSET + ", was " + offset);
        }
    }

    public static Paging first(int limit) {
        return new Paging(limit, 0);
    }

    /** From query parameters; absent or blank means the default. */
    public static Paging parse(String limit, String offset) {
        return new Paging(integer("limit", limit, DEFAULT_LIMIT), integer("offset", offset, 0));
    }

    static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(name + " must be a whole number, was '" + Params.shorten(value) + "'");
        }
    }
}
