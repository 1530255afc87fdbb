/** The condition aggregate: its commands, events and rules. */
package dev.bonfire.domain.condition;
