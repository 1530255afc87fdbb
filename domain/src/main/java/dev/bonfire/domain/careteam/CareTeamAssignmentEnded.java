package dev.bonfire.domain.careteam;

/** A care-team assignment ended. */
public record CareTeamAssignmentEnded(
        String assignmentId,
        String patientId,
        String reason) implements CareTeamEvent {
}
