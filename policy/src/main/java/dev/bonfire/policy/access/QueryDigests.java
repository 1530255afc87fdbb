package dev.bonfire.policy.access;

import dev.bonfire.policy.jdbc.TenantSql;
import dev.bonfire.policy.jdbc.ThreadBoundTransactions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Search parameters in access records: a name typed into a search box is PHI, so the record keeps
 * only {@code hmac-sha256:<hex>} of the door and its parameters under a random 256-bit key of the
 * tenant's (table {@code access_digest_key}, created on first use, behind row-level security). An
 * auditor with access to the key can test whether a given search was made; the log alone, shipped or
 * exported, cannot be dictionary-searched for names, and tenants' digests cannot be compared.
 */
public final class QueryDigests {

    static final String PREFIX = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadBoundTransactions transactions;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public QueryDigests(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The digest of a request's parameters, or {@code null} when it had none (absent and blank values
     * do not count) or names no tenant.
     */
    public String digest(String tenantId, String door, Map<String, String> parameters) {
        if (tenantId == null || tenantId.isBlank() || parameters == null) {
            return null;
        }
        TreeMap<String, String> present = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                present.put(name, value);
            }
        });
        if (present.isEmpty()) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(door == null ? "" : door).append('\n');
        present.forEach((name, value) -> canonical.append(name).append('=').append(value).append('\n'));
        return digestOf(keyOf(tenantId), canonical.toString());
    }

    static String digestOf(byte[] key, String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    byte[] keyOf(String tenantId) {
        return keys.computeIfAbsent(tenantId, this::loadOrCreate);
    }

    /** In a transaction of its own, so a key once used is committed even if the request rolls back. */
    private byte[] loadOrCreate(String tenantId) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return transactions.requiresNew(() -> {
            try (Connection connection = transactions.getConnection()) {
                TenantSql.bind(connection, tenantId);
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into access_digest_key (tenant_id, digest_key) values (?, ?) on conflict (tenant_id) do nothing")) {
                    insert.setString(1, tenantId);
                    insert.setBytes(2, fresh);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "select digest_key from access_digest_key where tenant_id = ?")) {
                    select.setString(1, tenantId);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("the tenant's digest key could not be stored");
                        }
                        return row.getBytes(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the tenant's digest key is unavailable", e);
            }
        });
    }
}
