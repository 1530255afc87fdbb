/** The access gate: one decision engine for every door; deny by default; every decision names its rule. */
package dev.bonfire.policy;
