package dev.bonfire.policy;

import dev.bonfire.domain.common.RecordKind;
import java.util.EnumSet;
import java.util.Set;

/** The record kinds one role may read and write (HIPAA minimum necessary). */
public record RoleGrant(Set<RecordKind> reads, Set<RecordKind> writes) {

    public RoleGrant {
        reads = reads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reads));
        writes = writes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(writes));
    }

    public boolean allows(Action action, RecordKind kind) {
        return action.isWrite() ? writes.contains(kind) : reads.contains(kind);
    }
}
