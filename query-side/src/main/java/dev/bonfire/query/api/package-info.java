/**
 * What the query API returns: immutable records, serialized as JSON. Dates and dateTimes are the text
 * that was written (a partial date stays partial, a time keeps its offset); decimals are JSON strings
 * holding the written decimal ({@code "1.50"}), so no client parser turns them into binary floats.
 */
package dev.bonfire.query.api;
