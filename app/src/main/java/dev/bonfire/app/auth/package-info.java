/** Development authentication: HS256 tokens signed with a local secret. Production verifies the customer's identity provider. */
package dev.bonfire.app.auth;
