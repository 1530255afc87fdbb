package dev.bonfire.domain.condition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A condition. A status change must change the status (a repeated change is refused, so a retried
 * request cannot log the same transition twice); once entered-in-error the condition is withdrawn for good.
 */
class Condition {

    @AggregateIdentifier
    private String conditionId;
    private String tenant;
    private String patientId;
    private String clinicalStatus;
    private boolean enteredInError;

    Condition() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Condition(RecordCondition command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new ConditionRecorded(command.conditionId(), command.patientId(), command.encounterId(), command.clinicalStatus(),
                command.verificationStatus(), command.categories(), command.code(), command.onset(), command.abatement(),
                command.recordedDate()));
    }

    @CommandHandler
    void handle(ChangeConditionClinicalStatus command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(conditionId, this.tenant, tenant);
        RecordGuard.samePatient(conditionId, patientId, command.patientId());
        if (enteredInError) {
            throw new IllegalTransitionException("a condition entered in error cannot change its clinical status");
        }
        if (command.clinicalStatus().equals(clinicalStatus)) {
            throw new IllegalTransitionException("the condition is already " + clinicalStatus);
        }
        apply(new ConditionClinicalStatusChanged(conditionId, patientId, command.clinicalStatus(), command.abatement()));
    }

    @CommandHandler
    void handle(MarkConditionEnteredInError command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(conditionId, this.tenant, tenant);
        RecordGuard.samePatient(conditionId, patientId, command.patientId());
        if (enteredInError) {
            throw new IllegalTransitionException("the condition is already marked entered-in-error");
        }
        apply(new ConditionMarkedEnteredInError(conditionId, patientId, command.reason()));
    }

    @EventSourcingHandler
    void on(ConditionRecorded event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.conditionId = event.conditionId();
        this.patientId = event.patientId();
        this.clinicalStatus = event.clinicalStatus();
        this.tenant = tenant;
    }

    @EventSourcingHandler
    void on(ConditionClinicalStatusChanged event) {
        this.clinicalStatus = event.clinicalStatus();
    }

    @EventSourcingHandler
    void on(ConditionMarkedEnteredInError event) {
        this.enteredInError = true;
    }
}
