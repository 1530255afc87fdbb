package dev.bonfire.domain.note;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Amends a signed note; the original text stays in the log. */
public record AmendNote(
        @TargetAggregateIdentifier String noteId,
        String patientId,
        String text,
        String reason,
        @TargetAggregateVersion Long expectedVersion) implements NoteCommand {

    public AmendNote {
        Require.present(noteId, "noteId");
        Require.present(patientId, "patientId");
        Require.present(text, "text");
        Require.present(reason, "reason");
    }

    @Override
    public String recordId() {
        return noteId;
    }
}
