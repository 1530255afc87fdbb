package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A person's name as recorded. */
@Serdeable
public record NameView(String use, String family, List<String> given, List<String> prefix, String text) {
}
