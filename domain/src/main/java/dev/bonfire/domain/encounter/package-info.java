/** The encounter aggregate: its commands, events and rules. */
package dev.bonfire.domain.encounter;
