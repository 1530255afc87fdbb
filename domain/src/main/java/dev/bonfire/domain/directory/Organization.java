package dev.bonfire.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** An organization in the tenant's directory. It only registers, for now; its tenant is kept for the commands to come. */
class Organization {

    @AggregateIdentifier
    private String organizationId;
    private String tenant;

    Organization() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Organization(RegisterOrganization command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new OrganizationRegistered(command.organizationId(), command.name(), command.identifiers()));
    }

    @EventSourcingHandler
    void on(OrganizationRegistered event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.organizationId = event.organizationId();
        this.tenant = tenant;
    }
}
