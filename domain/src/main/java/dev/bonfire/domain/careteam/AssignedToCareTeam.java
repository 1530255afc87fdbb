package dev.bonfire.domain.careteam;

/** A clinician was put on a patient's care team. */
public record AssignedToCareTeam(
        String assignmentId,
        String patientId,
        String clinicianUserId) implements CareTeamEvent {
}
