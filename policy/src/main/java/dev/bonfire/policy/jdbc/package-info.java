/** Transactions shared by Axon, the gate's state and the projections: one connection per thread, committed together. */
package dev.bonfire.policy.jdbc;
