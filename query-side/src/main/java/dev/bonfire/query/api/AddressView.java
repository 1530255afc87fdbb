package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A postal address. */
@Serdeable
public record AddressView(String use, List<String> lines, String city, String state, String postalCode, String country) {
}
