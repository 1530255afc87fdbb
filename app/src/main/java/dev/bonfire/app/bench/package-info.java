/** The benchmark: import throughput, command latency and gate overhead, measured on a fresh schema of the configured database. */
package dev.bonfire.app.bench;
