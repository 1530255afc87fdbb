/**
 * The query API over HTTP: every handler goes through {@link dev.bonfire.policy.access.GatedAccess}
 * (decide, query with the permit, append the access record, commit, then answer). A patient of another
 * tenant answers exactly like one that never existed.
 */
package dev.bonfire.query.http;
