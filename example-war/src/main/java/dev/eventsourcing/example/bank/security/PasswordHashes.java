package dev.eventsourcing.example.bank.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Password hashes in the encoding of Jakarta Security's {@code Pbkdf2PasswordHash}:
 * {@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}, e.g.
 * {@code PBKDF2WithHmacSHA256:600000:…:…}. The bank's users are configured with such hashes, the
 * container's {@code Pbkdf2PasswordHash} verifies them, and {@link HashPassword} makes them.
 */
public final class PasswordHashes {

    /** The algorithms that {@code Pbkdf2PasswordHash} accepts. */
    public static final Set<String> ALGORITHMS = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");
    /** The algorithm of new hashes. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** The iterations of new hashes: what OWASP's password storage advice asks of PBKDF2-HMAC-SHA256 (2023). */
    public static final int ITERATIONS = 600_000;
    /** The fewest iterations accepted, as {@code Pbkdf2PasswordHash} refuses fewer for new hashes. */
    public static final int MIN_ITERATIONS = 1024;

    private static final int SALT_BYTES = 32;
    private static final int HASH_BYTES = 32;
    private static final int MIN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** A new hash of the password, with a random salt. */
    public static String hash(char[] password, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("A hash needs at least " + MIN_ITERATIONS + " iterations, was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8)).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return ALGORITHM + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot compute " + ALGORITHM, e);
        }
    }

    /**
     * What is wrong with an encoded hash, or empty when it is well formed. The answer never
     * quotes the hash.
     */
    public static Optional<String> problem(String encoded) {
        String[] parts = encoded.strip().split(":", -1);
        if (parts.length != 4) {
            return Optional.of("it must have the form <algorithm>:<iterations>:<base64 salt>:<base64 hash>, but has "
                    + parts.length + " part(s) separated by ':'");
        }
        if (!ALGORITHMS.contains(parts[0])) {
            return Optional.of("its algorithm must be one of " + ALGORITHMS.stream().sorted().toList());
        }
        if (!parts[1].matches("\\d{1,10}") || Long.parseLong(parts[1]) < MIN_ITERATIONS
                || Long.parseLong(parts[1]) > Integer.MAX_VALUE) {
            return Optional.of("its iterations must be a whole number of at least " + MIN_ITERATIONS);
        }
        return bytesProblem("salt", parts[2]).or(() -> bytesProblem("hash", parts[3]));
    }

    private static Optional<String> bytesProblem(String name, String text) {
        try {
            int length = Base64.getDecoder().decode(text).length;
            return length >= MIN_BYTES ? Optional.empty()
                    : Optional.of("its " + name + " must be at least " + MIN_BYTES + " bytes, was " + length);
        } catch (IllegalArgumentException e) {
            return Optional.of("its " + name + " is not Base64");
        }
    }
}
