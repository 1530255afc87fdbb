package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.Identifier;
import java.util.List;

/** An organization was added to the directory. */
public record OrganizationRegistered(
        String organizationId,
        String name,
        List<Identifier> identifiers) implements DirectoryEvent {
}
