package dev.bonfire.query.read;

import dev.bonfire.domain.common.InvalidCommandException;

/**
 * The patient list's filter and page.
 *
 * @param name   optional: case-insensitive "contains" over every given, family and text name
 *               ({@code "ann smi"} finds Ann Smith; {@code %} and {@code _} are plain characters)
 * @param paging which page
 */
public record PatientSearch(String name, Paging paging) {

    public static final int MAX_NAME = 100;

    public PatientSearch {
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > MAX_NAME) {
            throw new InvalidCommandException("name may be at most " + MAX_NAME + " characters long");
        }
        if (paging == null) {
            paging = Paging.parse(null, null);
        }
    }

    public static PatientSearch parse(String name, String limit, String offset) {
        return new PatientSearch(name, Paging.parse(limit, offset));
    }
}
