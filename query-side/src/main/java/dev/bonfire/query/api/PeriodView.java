package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** A time span as written; either end may be absent. */
@Serdeable
public record PeriodView(String start, String end) {
}
