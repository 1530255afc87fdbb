package dev.bonfire.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bonfire.domain.careteam.AssignToCareTeam;
import dev.bonfire.domain.patient.RegisterPatient;
import org.junit.jupiter.api.Test;

class CommandCatalogTest {

    @Test
    void everyCommandAnAggregateHandles_isOnTheApi_underItsSimpleName() {
        assertThat(CommandCatalog.names()).containsExactly(
                "AmendNote", "AmendObservation", "AssignToCareTeam", "BreakGlass", "ChangeConditionClinicalStatus",
                "ChangeDemographics", "DraftNote", "EndCareTeamAssignment", "EnrollClinician", "GrantConsent",
                "MarkConditionEnteredInError", "MarkObservationEnteredInError", "RecordCondition", "RecordDeath",
                "RecordEncounter", "RecordObservation", "RegisterLocation", "RegisterOrganization", "RegisterPatient",
                "RegisterPractitioner", "SignNote", "WithdrawConsent");
        assertThat(CommandCatalog.find("AssignToCareTeam")).contains(AssignToCareTeam.class);
    }

    @Test
    void creatingCommands_nameTheComponentThatCarriesTheirId() {
        assertThat(CommandCatalog.createsRecord(RegisterPatient.class)).isTrue();
        assertThat(CommandCatalog.idComponent(RegisterPatient.class)).isEqualTo("patientId");
    }
}
