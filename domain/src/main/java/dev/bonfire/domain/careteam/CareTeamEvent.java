package dev.bonfire.domain.careteam;

/** Every event of the care-team assignment aggregate; stored names are frozen (see the event manifest test). */
public sealed interface CareTeamEvent permits AssignedToCareTeam, CareTeamAssignmentEnded {
}
