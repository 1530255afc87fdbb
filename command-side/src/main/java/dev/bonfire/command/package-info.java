/** The command API: every clinical write arrives here as a command, with its caller, an idempotency key and an expected version. */
package dev.bonfire.command;
