/** Policy state in PostgreSQL: projected synchronously from the log, read by the gate on every request. */
package dev.bonfire.policy.state;
