package dev.eventsourcing.persistence;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * States as the cipher wrote them before they carried a key id: a 12-byte nonce, then AES-GCM
 * of the plaintext with no associated data. For tests that stores written then still read.
 */
public final class LegacyStates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyStates() {
    }

    /** The plaintext encrypted in the legacy layout with this key and a random nonce. */
    public static byte[] encrypt(String base64Key, byte[] plaintext) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return encrypt(base64Key, nonce, plaintext);
    }

    /** The plaintext encrypted in the legacy layout with this key and nonce. */
    public static byte[] encrypt(String base64Key, byte[] nonce, byte[] plaintext) {
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] state = Arrays.copyOf(nonce, nonce.length + sealed.length);
            System.arraycopy(sealed, 0, state, nonce.length, sealed.length);
            return state;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored event with its state encrypted in the legacy layout. */
    public static StoredEvent encrypt(String base64Key, StoredEvent plain) {
        return new StoredEvent(plain.originatorId(), plain.originatorVersion(), plain.topic(),
                encrypt(base64Key, plain.state()));
    }
}
