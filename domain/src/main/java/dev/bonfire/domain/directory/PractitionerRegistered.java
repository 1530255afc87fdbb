package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import java.util.List;

/** A practitioner was added to the directory. */
public record PractitionerRegistered(
        String practitionerId,
        List<HumanName> names,
        List<Identifier> identifiers) implements DirectoryEvent {
}
