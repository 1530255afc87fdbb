package dev.bonfire.query.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items  the rows of this page, in the list's order
 * @param total  how many rows match in the caller's tenant (over all pages)
 * @param limit  the page size asked for
 * @param offset how many matching rows come before this page
 */
@Serdeable
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
