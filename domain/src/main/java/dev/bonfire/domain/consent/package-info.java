/** The consent aggregate: its commands, events and rules. */
package dev.bonfire.domain.consent;
