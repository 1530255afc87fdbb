package dev.bonfire.domain.consent;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.Period;
import dev.bonfire.domain.common.PurposeOfUse;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a patient's consent to the use of their data for one purpose of use (HL7 PurposeOfUse code), optionally limited to a period and to one actor (FHIR Consent provision: purpose, period, actor). */
public record GrantConsent(
        @TargetAggregateIdentifier String consentId,
        String patientId,
        String purpose,
        Period period,
        String actorUserId) implements ConsentCommand, CreatesRecord {

    public GrantConsent {
        Require.present(consentId, "consentId");
        Require.present(patientId, "patientId");
        Require.present(purpose, "purpose");
        if (!PurposeOfUse.isKnown(purpose)) {
            throw new InvalidCommandException("purpose must be an HL7 PurposeOfUse code such as TREAT, HPAYMT or HOPERAT");
        }
    }

    @Override
    public String recordId() {
        return consentId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.CONSENT;
    }
}
