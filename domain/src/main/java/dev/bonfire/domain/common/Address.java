package dev.bonfire.domain.common;

import java.util.List;

/** A postal address (FHIR Address). */
public record Address(String use, List<String> lines, String city, String state, String postalCode, String country) {
    public Address {
        lines = Require.list(lines);
    }
}
