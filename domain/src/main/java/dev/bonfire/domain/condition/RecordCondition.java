package dev.bonfire.domain.condition;

import dev.bonfire.domain.common.ClinicalDateTime;
import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.ReferencesEncounter;
import dev.bonfire.domain.common.Require;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a problem, diagnosis or health concern. */
public record RecordCondition(
        @TargetAggregateIdentifier String conditionId,
        String patientId,
        String encounterId,
        String clinicalStatus,
        String verificationStatus,
        List<CodeableConcept> categories,
        CodeableConcept code,
        ClinicalDateTime onset,
        ClinicalDateTime abatement,
        ClinicalDateTime recordedDate) implements ConditionCommand, CreatesRecord, ReferencesEncounter {

    public RecordCondition {
        Require.present(conditionId, "conditionId");
        Require.present(patientId, "patientId");
        Require.present(code, "code");
        Require.oneOfOrNull(clinicalStatus, "clinicalStatus", ConditionStatus.CLINICAL);
        Require.oneOfOrNull(verificationStatus, "verificationStatus", ConditionStatus.VERIFICATION_RECORDABLE);
        categories = Require.list(categories);
    }

    @Override
    public String recordId() {
        return conditionId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.CONDITION;
    }
}
