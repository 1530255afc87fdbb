package dev.bonfire.domain.breakglass;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One emergency access to a patient. It only opens, for now: how long it lasts is the policy's decision,
 * from the event's time; its tenant and patient are kept for the commands to come.
 */
class BreakGlassAccess {

    @AggregateIdentifier
    private String breakGlassId;
    private String tenant;
    private String patientId;

    BreakGlassAccess() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    BreakGlassAccess(BreakGlass command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new GlassBroken(command.breakGlassId(), command.patientId(), command.reason()));
    }

    @EventSourcingHandler
    void on(GlassBroken event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.breakGlassId = event.breakGlassId();
        this.patientId = event.patientId();
        this.tenant = tenant;
    }
}
