/** The clinical domain: commands, events, aggregates and value types; knows nothing of HTTP, SQL or FHIR libraries. */
package dev.bonfire.domain;
