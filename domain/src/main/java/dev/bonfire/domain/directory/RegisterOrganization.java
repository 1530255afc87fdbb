package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an organization (a hospital, a practice, a payer) to the tenant's directory. */
public record RegisterOrganization(
        @TargetAggregateIdentifier String organizationId,
        String name,
        List<Identifier> identifiers) implements DirectoryCommand, CreatesRecord {

    public RegisterOrganization {
        Require.present(organizationId, "organizationId");
        identifiers = Require.list(identifiers);
    }

    @Override
    public String patientId() {
        return null;
    }

    @Override
    public String recordId() {
        return organizationId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DIRECTORY;
    }
}
