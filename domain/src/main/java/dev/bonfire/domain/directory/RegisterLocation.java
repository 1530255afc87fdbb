package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a location (a site, a ward) to the tenant's directory. */
public record RegisterLocation(
        @TargetAggregateIdentifier String locationId,
        String name,
        List<Identifier> identifiers,
        Reference managingOrganization) implements DirectoryCommand, CreatesRecord {

    public RegisterLocation {
        Require.present(locationId, "locationId");
        identifiers = Require.list(identifiers);
    }

    @Override
    public String patientId() {
        return null;
    }

    @Override
    public String recordId() {
        return locationId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DIRECTORY;
    }
}
