package dev.bonfire.domain.note;

import dev.bonfire.domain.common.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Signs a draft note; only its author may sign it, and a signed note is final. */
public record SignNote(
        @TargetAggregateIdentifier String noteId,
        String patientId,
        @TargetAggregateVersion Long expectedVersion) implements NoteCommand {

    public SignNote {
        Require.present(noteId, "noteId");
        Require.present(patientId, "patientId");
    }

    @Override
    public String recordId() {
        return noteId;
    }
}
