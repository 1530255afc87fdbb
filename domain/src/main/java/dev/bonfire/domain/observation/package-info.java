/** The observation aggregate: its commands, events and rules. */
package dev.bonfire.domain.observation;
