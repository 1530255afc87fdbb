package dev.bonfire.domain.note;

import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.CreatesRecord;
import dev.bonfire.domain.common.RecordKind;
import dev.bonfire.domain.common.ReferencesEncounter;
import dev.bonfire.domain.common.Reference;
import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a clinical note as a draft; the drafting actor is its author. Psychotherapy notes are their own kind. */
public record DraftNote(
        @TargetAggregateIdentifier String noteId,
        String patientId,
        String encounterId,
        NoteKind noteKind,
        CodeableConcept type,
        String title,
        String text,
        Reference attributedAuthor) implements NoteCommand, CreatesRecord, ReferencesEncounter {

    public DraftNote {
        Require.present(noteId, "noteId");
        Require.present(patientId, "patientId");
        Require.present(noteKind, "noteKind");
        Require.present(text, "text");
    }

    @Override
    public RecordKind kind() {
        return noteKind.recordKind();
    }

    @Override
    public String recordId() {
        return noteId;
    }
}
