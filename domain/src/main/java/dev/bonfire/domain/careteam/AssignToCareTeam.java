package dev.bonfire.domain.careteam;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an enrolled clinician on a patient's care team; the assignment gives the clinician the patient in scope. */
public record AssignToCareTeam(
        @TargetAggregateIdentifier String assignmentId,
        String patientId,
        String clinicianUserId) implements CareTeamCommand, CreatesRecord {

    public AssignToCareTeam {
        Require.present(assignmentId, "assignmentId");
        Require.present(patientId, "patientId");
        Require.present(clinicianUserId, "clinicianUserId");
    }

    @Override
    public String recordId() {
        return assignmentId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.CARE_TEAM;
    }
}
