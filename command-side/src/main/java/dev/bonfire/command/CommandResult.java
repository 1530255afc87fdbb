package dev.bonfire.command;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What an accepted command answers.
 *
 * @param command  the command's name
 * @param recordId the record written (assigned by the server for commands that create one)
 * @param version  the record's version after the command: pass it as {@code expectedVersion} next time
 * @param replayed {@code true} when this is the stored answer to an earlier request with the same idempotency key
 */
@Serdeable
public record CommandResult(String command, String recordId, long version, boolean replayed) {

    CommandResult asReplay() {
        return new CommandResult(command, recordId, version, true);
    }
}
