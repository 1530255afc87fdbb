package dev.bonfire.domain.note;

import dev.bonfire.domain.common.ClinicalCommand;

/** Every command of the note aggregate. */
public sealed interface NoteCommand extends ClinicalCommand permits AmendNote, DraftNote, SignNote {
}
