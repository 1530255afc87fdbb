package dev.bonfire.domain.careteam;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the care-team assignment aggregate. */
public sealed interface CareTeamCommand extends ClinicalCommand permits AssignToCareTeam, EndCareTeamAssignment {
}
