package dev.bonfire.policy;

import java.time.Instant;

/** An open break-the-glass access of one actor to one patient. */
public record BreakGlassAccess(String breakGlassId, String reason, Instant startedAt) {
}
