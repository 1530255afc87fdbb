package dev.bonfire.policy.access;

import dev.bonfire.policy.AccessDeniedException;
import dev.bonfire.policy.Decision;

/**
 * A refusal whose access record has been appended (and committed) already. Doors throw this after
 * recording; the HTTP edge records any other {@link AccessDeniedException} it answers, so a door that
 * refuses without recording is still in the log, never silently.
 */
public class RecordedDenial extends AccessDeniedException {

    public RecordedDenial(Decision decision) {
        super(decision);
    }
}
