/** The care-team assignment aggregate: its commands, events and rules. */
package dev.bonfire.domain.careteam;
