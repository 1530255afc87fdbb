package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A concept: its codings and/or text. */
@Serdeable
public record ConceptView(List<CodingView> codings, String text) {
}
