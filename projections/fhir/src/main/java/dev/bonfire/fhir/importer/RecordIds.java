package dev.bonfire.fhir.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic record ids for imported resources: a name-based UUID (RFC 9562 version 5, SHA-1) of the
 * tenant, the resource type and the resource's key. Importing the same resource again, in the same or
 * another bundle, targets the same record; two tenants never share an id.
 */
public final class RecordIds {

    /** The namespace of bonfire's FHIR import ids (a fixed, random UUID). */
    static final UUID NAMESPACE = UUID.fromString("6f1c8f4e-2b5d-4d0a-9a57-3c1e0b7d9e21");

    private RecordIds() {
    }

    /** The record id of a resource of {@code resourceType} known by {@code key} in {@code tenant}. */
    public static String of(String tenant, String resourceType, String key) {
        return uuidV5(NAMESPACE, tenant + '\n' + resourceType + '\n' + key).toString();
    }

    static UUID uuidV5(UUID namespace, String name) {
        byte[] ns = new byte[16];
        long msb = namespace.getMostSignificantBits();
        long lsb = namespace.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            ns[i] = (byte) (msb >>> (8 * (7 - i)));
            ns[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(ns);
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (hash[i] & 0xff);
            low = (low << 8) | (hash[8 + i] & 0xff);
        }
        return new UUID(high, low);
    }

    /** Lower-case hex SHA-256 of the bytes. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    /** The ledger's key of a business identifier: SHA-256 of system, '|' and value; the value itself is never stored. */
    static String identifierDigest(String system, String value) {
        return sha256(((system == null ? "" : system) + '|' + value).getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
