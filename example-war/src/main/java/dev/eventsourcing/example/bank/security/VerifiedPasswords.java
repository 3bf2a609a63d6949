package dev.eventsourcing.example.bank.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for each user, the password last verified against its PBKDF2 hash, as an
 * HMAC-SHA256 under a key made when this object is: HTTP Basic sends the password with every
 * request, and a hash with hundreds of thousands of iterations costs tens of milliseconds of
 * CPU each time, which would bound the API to a few dozen requests per second per core. A
 * password that does not match what is remembered is verified against the hash again, so a
 * wrong one still costs an attacker the full work. Neither the password nor anything that
 * outlives the process is kept.
 */
final class VerifiedPasswords {

    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Map<String, byte[]> macs = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, MAC);
    }

    /** Whether this is the password last remembered for the user. */
    boolean matches(String user, char[] password) {
        byte[] remembered = macs.get(user);
        return remembered != null && MessageDigest.isEqual(remembered, mac(password));
    }

    /** Remembers the password as the user's, once it has been verified against the user's hash. */
    void remember(String user, char[] password) {
        macs.put(user, mac(password));
    }

    private byte[] mac(char[] password) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot compute " + MAC, e);
        }
    }
}
