package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A measured amount.
 *
 * @param value the decimal exactly as written, as a string: {@code "1.50"} stays {@code "1.50"}
 */
@Serdeable
public record QuantityView(String value, String comparator, String unit, String system, String code) {
}
