/**
 * Projectors of the relational read models: processing group {@value dev.bonfire.query.projection.ReadModels#GROUP},
 * run by a tracking processor whose token commits in the same transaction as the rows. Idempotent by
 * global event position (see {@link dev.bonfire.query.projection.EventContext}).
 */
package dev.bonfire.query.projection;
