/** Value types and message contracts shared by every aggregate; values keep their written meaning exactly. */
package dev.bonfire.domain.common;
