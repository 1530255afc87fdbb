/** The gate on the write path: every command on the bus passes it before its handler. */
package dev.bonfire.policy.command;
