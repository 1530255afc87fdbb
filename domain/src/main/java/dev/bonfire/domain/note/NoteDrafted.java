package dev.bonfire.domain.note;

import dev.bonfire.domain.common.CodeableConcept;
import dev.bonfire.domain.common.Reference;

/** A note was drafted. */
public record NoteDrafted(
        String noteId,
        String patientId,
        String encounterId,
        NoteKind noteKind,
        CodeableConcept type,
        String title,
        String text,
        Reference attributedAuthor) implements NoteEvent {
}
