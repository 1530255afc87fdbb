package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** One part of a multi-part observation, such as the systolic half of a blood pressure. */
@Serdeable
public record ComponentView(ConceptView code, ValueView value) {
}
