/** The note aggregate: its commands, events and rules. */
package dev.bonfire.domain.note;
