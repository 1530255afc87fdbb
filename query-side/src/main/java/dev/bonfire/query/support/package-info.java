/** Plumbing shared by projectors and queries: jsonb mapping and tenant-bound connections. */
package dev.bonfire.query.support;
