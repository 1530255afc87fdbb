package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** A code from a code system. */
@Serdeable
public record CodingView(String system, String code, String display) {
}
