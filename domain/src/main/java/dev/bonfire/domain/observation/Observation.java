package dev.bonfire.domain.observation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** An observation. Once marked entered-in-error it is withdrawn for good: no amendment, no second withdrawal. */
class Observation {

    @AggregateIdentifier
    private String observationId;
    private String tenant;
    private String patientId;
    private boolean enteredInError;

    Observation() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Observation(RecordObservation command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new ObservationRecorded(command.observationId(), command.patientId(), command.encounterId(), command.status(),
                command.categories(), command.code(), command.effective(), command.issued(), command.value(),
                command.components()));
    }

    @CommandHandler
    void handle(AmendObservation command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(observationId, this.tenant, tenant);
        RecordGuard.samePatient(observationId, patientId, command.patientId());
        if (enteredInError) {
            throw new IllegalTransitionException("an observation entered in error cannot be amended");
        }
        apply(new ObservationAmended(observationId, patientId, command.value(), command.components(), command.reason()));
    }

    @CommandHandler
    void handle(MarkObservationEnteredInError command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(observationId, this.tenant, tenant);
        RecordGuard.samePatient(observationId, patientId, command.patientId());
        if (enteredInError) {
            throw new IllegalTransitionException("the observation is already marked entered-in-error");
        }
        apply(new ObservationMarkedEnteredInError(observationId, patientId, command.reason()));
    }

    @EventSourcingHandler
    void on(ObservationRecorded event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.observationId = event.observationId();
        this.patientId = event.patientId();
        this.tenant = tenant;
    }

    @EventSourcingHandler
    void on(ObservationAmended event) {
        // nothing the aggregate decides on: the result lives in the read models
    }

    @EventSourcingHandler
    void on(ObservationMarkedEnteredInError event) {
        this.enteredInError = true;
    }
}
