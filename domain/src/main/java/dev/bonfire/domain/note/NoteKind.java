package dev.bonfire.domain.note;

import dev.bonfire.domain.common.RecordKind;

/** Psychotherapy notes are a kind of their own: HIPAA keeps them apart from the rest of the record. */
public enum NoteKind {
    CLINICAL(RecordKind.CLINICAL_NOTE),
    PSYCHOTHERAPY(RecordKind.PSYCHOTHERAPY_NOTE);

    private final RecordKind recordKind;

    NoteKind(RecordKind recordKind) {
        this.recordKind = recordKind;
    }

    public RecordKind recordKind() {
        return recordKind;
    }
}
