/**
 * Query services over the read models: jOOQ, bind values only, rows mapped into the records of
 * {@code dev.bonfire.query.api}. Each call runs inside the caller's transaction with the tenant bound
 * for row-level security and filters on the tenant explicitly as well. Malformed parameters are
 * refused with an {@code InvalidCommandException} that says what is wrong.
 */
package dev.bonfire.query.read;
