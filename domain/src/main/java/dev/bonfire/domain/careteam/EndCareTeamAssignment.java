package dev.bonfire.domain.careteam;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes a clinician off a patient's care team; the very next request of that clinician for the patient is refused. */
public record EndCareTeamAssignment(
        @TargetAggregateIdentifier String assignmentId,
        String patientId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements CareTeamCommand {

    public EndCareTeamAssignment {
        Require.present(assignmentId, "assignmentId");
        Require.present(patientId, "patientId");
    }

    @Override
    public String recordId() {
        return assignmentId;
    }
}
