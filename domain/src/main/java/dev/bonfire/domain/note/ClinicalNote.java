package dev.bonfire.domain.note;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.bonfire.domain.common.IllegalTransitionException;
import dev.bonfire.domain.common.InvalidCommandException;
import dev.bonfire.domain.common.MetadataKeys;
import dev.bonfire.domain.common.RecordGuard;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A clinical or psychotherapy note: drafted, signed once by the actor who drafted it, then only amended.
 * The author is the actor in the drafting event's metadata, not a field anyone can send.
 */
class ClinicalNote {

    @AggregateIdentifier
    private String noteId;
    private String tenant;
    private String patientId;
    private String authorId;
    private boolean signed;

    ClinicalNote() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    ClinicalNote(DraftNote command, @MetaDataValue(MetadataKeys.TENANT) String tenant,
                 @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        RecordGuard.tenantOf(tenant);
        if (actorId == null || actorId.isBlank()) {
            throw new InvalidCommandException("a note needs an author: the command carries no actor");
        }
        apply(new NoteDrafted(command.noteId(), command.patientId(), command.encounterId(), command.noteKind(), command.type(),
                command.title(), command.text(), command.attributedAuthor()));
    }

    @CommandHandler
    void handle(SignNote command, @MetaDataValue(MetadataKeys.TENANT) String tenant,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        RecordGuard.sameTenant(noteId, this.tenant, tenant);
        RecordGuard.samePatient(noteId, patientId, command.patientId());
        if (authorId == null || !authorId.equals(actorId)) {
            throw new IllegalTransitionException("only the author of a note may sign it");
        }
        if (signed) {
            throw new IllegalTransitionException("the note is already signed");
        }
        apply(new NoteSigned(noteId, patientId));
    }

    @CommandHandler
    void handle(AmendNote command, @MetaDataValue(MetadataKeys.TENANT) String tenant) {
        RecordGuard.sameTenant(noteId, this.tenant, tenant);
        RecordGuard.samePatient(noteId, patientId, command.patientId());
        if (!signed) {
            throw new IllegalTransitionException("only a signed note can be amended");
        }
        apply(new NoteAmended(noteId, patientId, command.text(), command.reason()));
    }

    @EventSourcingHandler
    void on(NoteDrafted event, @MetaDataValue(MetadataKeys.TENANT) String tenant,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId) {
        this.noteId = event.noteId();
        this.patientId = event.patientId();
        this.tenant = tenant;
        this.authorId = actorId;
    }

    @EventSourcingHandler
    void on(NoteSigned event) {
        this.signed = true;
    }

    @EventSourcingHandler
    void on(NoteAmended event) {
        // nothing the aggregate decides on: the text lives in the read models; the note stays signed
    }
}
