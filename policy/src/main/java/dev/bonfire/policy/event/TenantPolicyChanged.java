package dev.bonfire.policy.event;

/**
 * A tenant's access policy changed; {@code document} is the whole new policy in the
 * {@link dev.bonfire.policy.TenantPolicyDocuments} format. The tenant and the admin who changed it are
 * in the metadata. Takes effect with the transaction that appends it.
 */
public record TenantPolicyChanged(String document) {
}
