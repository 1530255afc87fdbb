package dev.bonfire.domain.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A patient's consent for one purpose of use, from grant until withdrawal; a withdrawn consent stays withdrawn. */
class Consent {

    @AggregateIdentifier
    private String consentId;
    private String tenant;
    private String patientId;
    private boolean withdrawn;

    Consent() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Consent(GrantConsent command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new ConsentGranted(command.consentId(), command.patientId(), command.purpose(), command.period(),
                command.actorUserId()));
    }

    @CommandHandler
    void handle(WithdrawConsent command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(consentId, this.tenant, tenant);
        RecordGuard.samePatient(consentId, patientId, command.patientId());
        if (withdrawn) {
            throw new IllegalTransitionException("the consent is already withdrawn");
        }
        apply(new ConsentWithdrawn(consentId, patientId, command.reason()));
    }

    @EventSourcingHandler
    void on(ConsentGranted event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.consentId = event.consentId();
        this.patientId = event.patientId();
        this.tenant = tenant;
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        this.withdrawn = true;
    }
}
