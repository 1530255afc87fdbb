/** The patient aggregate: its commands, events and rules. */
package dev.bonfire.domain.patient;
