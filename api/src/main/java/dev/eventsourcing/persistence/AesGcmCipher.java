package dev.eventsourcing.persistence;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link Cipher} using AES-256 in GCM mode: authenticated encryption, so a wrong key or a
 * changed byte is detected rather than decrypted into garbage.
 *
 * <p>Each message gets a random 12-byte nonce. The encrypted form is the nonce, then the
 * ciphertext, then the 16-byte authentication tag: 28 bytes longer than the plaintext. With
 * random nonces one key should encrypt no more than about 2<sup>32</sup> messages.
 *
 * <p>The key is given as the base64 encoding of 32 random bytes; {@link #generateKey()} makes
 * one. Immutable and thread-safe.
 */
public final class AesGcmCipher implements Cipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * A cipher with the given key.
     *
     * @param base64Key the base64 encoding of a 32-byte key
     * @throws IllegalArgumentException when the key is not base64 or not 32 bytes long; the
     *                                  message never contains the key
     */
    public AesGcmCipher(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message may quote part of the key: do not attach it.
            throw new IllegalArgumentException("AES key is not valid base64 (" + base64Key.length() + " characters)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be " + KEY_BYTES + " bytes, was " + bytes.length
                    + " bytes; make one with AesGcmCipher.generateKey()");
        }
        key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    /** A new random key, base64-encoded, for {@link #AesGcmCipher(String)}. */
    public static String generateKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public byte[] encrypt(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION);
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new MapperException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
        if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("Cannot decrypt " + ciphertext.length + " bytes: AES-GCM data is at least "
                    + (NONCE_BYTES + TAG_BITS / 8) + " bytes (nonce and tag)");
        }
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION);
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("Cannot decrypt: the cipher key is not the one the data was encrypted with,"
                    + " or the data was changed (AES-GCM authentication failed)", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmCipher[AES-256-GCM]";
    }
}
