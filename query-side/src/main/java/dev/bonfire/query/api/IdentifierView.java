package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** A business identifier: a value in a namespace. */
@Serdeable
public record IdentifierView(String system, String value, String type) {
}
