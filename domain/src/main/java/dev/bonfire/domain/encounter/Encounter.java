package dev.bonfire.domain.encounter;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** An encounter. It only records, for now; its tenant and patient are kept for the commands to come. */
class Encounter {

    @AggregateIdentifier
    private String encounterId;
    private String tenant;
    private String patientId;

    Encounter() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Encounter(RecordEncounter command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new EncounterRecorded(command.encounterId(), command.patientId(), command.status(), command.encounterClass(),
                command.types(), command.period(), command.reasons(), command.participants(), command.serviceProvider(),
                command.location()));
    }

    @EventSourcingHandler
    void on(EncounterRecorded event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.encounterId = event.encounterId();
        this.patientId = event.patientId();
        this.tenant = tenant;
    }
}
