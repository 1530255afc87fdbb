package dev.bonfire.domain.note;

/** A note was signed by its author. */
public record NoteSigned(
        String noteId,
        String patientId) implements NoteEvent {
}
