package dev.bonfire.domain.careteam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One clinician on one patient's care team, from assignment until it ends; an ended assignment stays ended. */
class CareTeamAssignment {

    @AggregateIdentifier
    private String assignmentId;
    private String tenant;
    private String patientId;
    private boolean ended;

    CareTeamAssignment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    CareTeamAssignment(AssignToCareTeam command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.tenantOf(tenant);
        apply(new AssignedToCareTeam(command.assignmentId(), command.patientId(), command.clinicianUserId()));
    }

    @CommandHandler
    void handle(EndCareTeamAssignment command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(assignmentId, this.tenant, tenant);
        RecordGuard.samePatient(assignmentId, patientId, command.patientId());
        if (ended) {
            throw new IllegalTransitionException("the care-team assignment has already ended");
        }
        apply(new CareTeamAssignmentEnded(assignmentId, patientId, command.reason()));
    }

    @EventSourcingHandler
    void on(AssignedToCareTeam event, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        this.assignmentId = event.assignmentId();
        this.patientId = event.patientId();
        this.tenant = tenant;
    }

    @EventSourcingHandler
    void on(CareTeamAssignmentEnded event) {
        this.ended = true;
    }
}
