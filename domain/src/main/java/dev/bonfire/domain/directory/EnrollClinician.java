package dev.bonfire.domain.directory;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.HumanName;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a clinician to the tenant's directory under the user id their tokens carry, so they can be put on care teams. */
public record EnrollClinician(
        @TargetAggregateIdentifier String clinicianId,
        String userId,
        List<HumanName> names) implements DirectoryCommand, CreatesRecord {

    public EnrollClinician {
        Require.present(clinicianId, "clinicianId");
        Require.present(userId, "userId");
        names = Require.list(names);
    }

    @Override
    public String recordId() {
        return clinicianId;
    }

    @Override
    public String patientId() {
        return null;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DIRECTORY;
    }
}
