/** Relational read models of the event log, their projectors, and the gated query API. */
package dev.bonfire.query;
