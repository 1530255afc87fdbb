package dev.bonfire.domain.note;

/** A signed note was amended. */
public record NoteAmended(
        String noteId,
        String patientId,
        String text,
        String reason) implements NoteEvent {
}
