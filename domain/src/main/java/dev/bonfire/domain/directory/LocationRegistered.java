package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.Reference;
import java.util.List;

/** A location was added to the directory. */
public record LocationRegistered(
        String locationId,
        String name,
        List<Identifier> identifiers,
        Reference managingOrganization) implements DirectoryEvent {
}
