package dev.bonfire.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A clinician enrolled in the tenant's directory. It only enrols, for now; its tenant is kept for the commands to come. */
class Clinician {

    @AggregateIdentifier
    private String clinicianId;
    private String tenant;

    Clinician() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Clinician(EnrollClinician command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new ClinicianEnrolled(command.clinicianId(), command.userId(), command.names()));
    }

    @EventSourcingHandler
    void on(ClinicianEnrolled event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.clinicianId = event.clinicianId();
        this.tenant = tenant;
    }
}
