/** The directory aggregate: its commands, events and rules. */
package dev.bonfire.domain.directory;
