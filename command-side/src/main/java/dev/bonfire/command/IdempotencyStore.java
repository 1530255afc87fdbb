package dev.bonfire.command;

import static dev.bonfire.command.schema.Tables.COMMAND_IDEMPOTENCY;

import java.sql.Connection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Idempotency keys, claimed and answered inside the command's transaction. */
final class IdempotencyStore {

    /** The outcome of claiming a key. */
    sealed interface Claim permits Claimed, Answered {
    }

    /** The key is new: this request runs the command. */
    record Claimed() implements Claim {
    }

    /** The key was used before with the same request: here is its answer. */
    record Answered(CommandResult result) implements Claim {
    }

    private IdempotencyStore() {
    }

    /**
     * Claims the key. A concurrent request with the same key waits on the row lock until the first
     * commits, then sees its answer.
     */
    static Claim claim(Connection connection, String tenant, String key, String requestHash, String commandType) {
        DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES);
        int inserted = sql.insertInto(COMMAND_IDEMPOTENCY)
                .set(COMMAND_IDEMPOTENCY.TENANT_ID, tenant)
                .set(COMMAND_IDEMPOTENCY.IDEMPOTENCY_KEY, key)
                .set(COMMAND_IDEMPOTENCY.REQUEST_HASH, requestHash)
                .set(COMMAND_IDEMPOTENCY.COMMAND_TYPE, commandType)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            return new Claimed();
        }
        var stored = sql.selectFrom(COMMAND_IDEMPOTENCY)
                .where(COMMAND_IDEMPOTENCY.TENANT_ID.eq(tenant).and(COMMAND_IDEMPOTENCY.IDEMPOTENCY_KEY.eq(key)))
                .fetchOne();
        if (stored == null || !stored.getRequestHash().equals(requestHash) || stored.getRecordId() == null) {
            throw new IdempotencyConflictException();
        }
        return new Answered(new CommandResult(stored.getCommandType(), stored.getRecordId(), stored.getResultVersion(), true));
    }

    static void answer(Connection connection, String tenant, String key, CommandResult result) {
        DSL.using(connection, SQLDialect.POSTGRES)
                .update(COMMAND_IDEMPOTENCY)
                .set(COMMAND_IDEMPOTENCY.RECORD_ID, result.recordId())
                .set(COMMAND_IDEMPOTENCY.RESULT_VERSION, result.version())
                .where(COMMAND_IDEMPOTENCY.TENANT_ID.eq(tenant).and(COMMAND_IDEMPOTENCY.IDEMPOTENCY_KEY.eq(key)))
                .execute();
    }

    static Optional<String> validKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new dev.bonfire.domain.common.InvalidCommandException("Idempotency-Key must be 1-200 visible ASCII characters");
        }
        return Optional.of(key);
    }
}
