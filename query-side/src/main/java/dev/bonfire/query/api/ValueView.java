package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** An observation result: exactly one part is present. {@code dateTime} is the text as written. */
@Serdeable
public record ValueView(QuantityView quantity, ConceptView concept, String text, Boolean bool, Integer integer, String dateTime) {
}
