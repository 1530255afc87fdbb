package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.Identifier;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a practitioner to the tenant's directory. */
public record RegisterPractitioner(
        @TargetAggregateIdentifier String practitionerId,
        List<HumanName> names,
        List<Identifier> identifiers) implements DirectoryCommand, CreatesRecord {

    public RegisterPractitioner {
        Require.present(practitionerId, "practitionerId");
        names = Require.list(names);
        identifiers = Require.list(identifiers);
    }

    @Override
    public String patientId() {
        return null;
    }

    @Override
    public String recordId() {
        return practitionerId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DIRECTORY;
    }
}
