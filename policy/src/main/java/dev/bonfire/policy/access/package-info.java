/**
 * Every door's way through the gate: decide, read or write, and append an access record to the event
 * log before anything is returned ({@link dev.bonfire.policy.access.GatedAccess},
 * {@link dev.bonfire.policy.access.AccessLog}). Read-model queries take a
 * {@link dev.bonfire.policy.access.Permit}, which only {@code GatedAccess} hands out.
 */
package dev.bonfire.policy.access;
