/** The break-the-glass aggregate: its commands, events and rules. */
package dev.bonfire.domain.breakglass;
