package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;

/** A reference to another record: by type and id, or (unresolved) by identifier and/or display. */
@Serdeable
public record ReferenceView(String type, String id, IdentifierView identifier, String display) {
}
