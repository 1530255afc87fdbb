/**
 * The query API over HTTP: every handler asks the access gate first and reads inside one transaction
 * with the caller's tenant bound. A patient of another tenant answers exactly like one that never existed.
 */
package dev.bonfire.query.http;
