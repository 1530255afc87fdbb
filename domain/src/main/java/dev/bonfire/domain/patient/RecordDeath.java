package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that the patient died; {@code deceasedAt} may be null when only the fact is known. */
public record RecordDeath(
        @TargetAggregateIdentifier String patientId,
        ClinicalDateTime deceasedAt,
        @TargetAggregateVersion Long expectedVersion) implements PatientCommand {

    public RecordDeath {
        Require.present(patientId, "patientId");
    }

    @Override
    public String recordId() {
        return patientId;
    }
}
