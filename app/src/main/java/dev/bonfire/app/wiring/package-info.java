/** Explicit wiring: database and migrations, the access gate, and Axon (event store, buses, processors). */
package dev.bonfire.app.wiring;
