package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** A phone number, e-mail address or similar. */
@Serdeable
public record ContactPointView(String system, String value, String use) {
}
