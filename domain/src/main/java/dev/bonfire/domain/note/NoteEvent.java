package dev.bonfire.domain.note;

/** Every event of the note aggregate; stored names are frozen (see the event manifest test). */
public sealed interface NoteEvent permits NoteAmended, NoteDrafted, NoteSigned {
}
