/** HTTP plumbing shared by every door: who the caller is, and how errors are told (RFC 9457 problem+json). */
package dev.bonfire.app.http;
