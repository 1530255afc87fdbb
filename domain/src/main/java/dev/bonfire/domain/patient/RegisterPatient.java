package dev.bonfire.domain.patient;

import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a new patient with their demographics. */
public record RegisterPatient(
        @TargetAggregateIdentifier String patientId,
        Demographics demographics) implements PatientCommand, CreatesRecord {

    public RegisterPatient {
        Require.present(patientId, "patientId");
        Require.present(demographics, "demographics");
    }

    @Override
    public String recordId() {
        return patientId;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DEMOGRAPHICS;
    }
}
