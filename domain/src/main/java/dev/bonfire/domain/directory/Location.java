package dev.bonfire.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A location in the tenant's directory. It only registers, for now; its tenant is kept for the commands to come. */
class Location {

    @AggregateIdentifier
    private String locationId;
    private String tenant;

    Location() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Location(RegisterLocation command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new LocationRegistered(command.locationId(), command.name(), command.identifiers(), command.managingOrganization()));
    }

    @EventSourcingHandler
    void on(LocationRegistered event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.locationId = event.locationId();
        this.tenant = tenant;
    }
}
