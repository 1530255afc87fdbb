package dev.bonfire.domain.patient;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A patient. Demographics may still be corrected after death (a wrong name on a death record must be
 * fixable); death is recorded once.
 */
class Patient {

    @AggregateIdentifier
    private String patientId;
    private String tenant;
    private boolean deceased;

    Patient() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Patient(RegisterPatient command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new PatientRegistered(command.patientId(), command.demographics()));
    }

    @CommandHandler
    void handle(ChangeDemographics command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(patientId, this.tenant, tenant);
        apply(new DemographicsChanged(patientId, command.demographics()));
    }

    @CommandHandler
    void handle(RecordDeath command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(patientId, this.tenant, tenant);
        if (deceased) {
            throw new IllegalTransitionException("the patient's death is already recorded");
        }
        apply(new DeathRecorded(patientId, command.deceasedAt()));
    }

    @EventSourcingHandler
    void on(PatientRegistered event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.patientId = event.patientId();
        this.tenant = tenant;
    }

    @EventSourcingHandler
    void on(DemographicsChanged event) {
        // nothing the aggregate decides on: demographics live in the read models
    }

    @EventSourcingHandler
    void on(DeathRecorded event) {
        this.deceased = true;
    }
}
