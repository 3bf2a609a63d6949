package dev.eventsourcing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Aggregate ids: random ones, or deterministic ones derived from a name (RFC 4122 version 5,
 * SHA-1), so that an aggregate can be found again by its name, e.g. a user by email address.
 */
public final class Ids {

    /** The namespace used by {@link #fromName(String)}: the RFC 4122 URL namespace. */
    public static final UUID DEFAULT_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private Ids() {
    }

    /** @return a new random (version 4) id */
    public static UUID random() {
        return UUID.randomUUID();
    }

    /**
     * The version 5 id of {@code name} in the {@link #DEFAULT_NAMESPACE}.
     *
     * @param name the name, hashed as UTF-8; not null
     * @return the same id for the same name, every time
     */
    public static UUID fromName(String name) {
        return fromName(DEFAULT_NAMESPACE, name);
    }

    /**
     * The version 5 id of {@code name} in {@code namespace}: the same inputs give the same id.
     *
     * @param namespace the namespace, which keeps ids of different kinds of name apart; not null
     * @param name the name, hashed as UTF-8; not null
     * @return the name-based id
     */
    public static UUID fromName(UUID namespace, String name) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
        sha1.update(toBytes(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        return new UUID(toLong(hash, 0), toLong(hash, 8));
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (8 * (7 - i)));
            bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (8 * (7 - i)));
        }
        return bytes;
    }

    private static long toLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }
}
