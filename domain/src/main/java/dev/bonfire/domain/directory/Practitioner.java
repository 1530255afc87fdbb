package dev.bonfire.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A practitioner in the tenant's directory. It only registers, for now; its tenant is kept for the commands to come. */
class Practitioner {

    @AggregateIdentifier
    private String practitionerId;
    private String tenant;

    Practitioner() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Practitioner(RegisterPractitioner command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new PractitionerRegistered(command.practitionerId(), command.names(), command.identifiers()));
    }

    @EventSourcingHandler
    void on(PractitionerRegistered event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.practitionerId = event.practitionerId();
        this.tenant = tenant;
    }
}
