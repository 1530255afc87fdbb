package dev.bonfire.domain.consent;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws a consent: from the moment it commits, every door refuses that purpose for the patient. */
public record WithdrawConsent(
        @TargetAggregateIdentifier String consentId,
        String patientId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements ConsentCommand {

    public WithdrawConsent {
        Require.present(consentId, "consentId");
        Require.present(patientId, "patientId");
    }

    @Override
    public String recordId() {
        return consentId;
    }
}
