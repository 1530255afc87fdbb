package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces a patient's demographics with a corrected or updated set. */
public record ChangeDemographics(
        @TargetAggregateIdentifier String patientId,
        Demographics demographics,
        @TargetAggregateVersion Long expectedVersion) implements PatientCommand {

    public ChangeDemographics {
        Require.present(patientId, "patientId");
        Require.present(demographics, "demographics");
    }

    @Override
    public String recordId() {
        return patientId;
    }
}
