package dev.eventsourcing.persistence;

/**
 * Encrypts a stored event's state and decrypts it: the optional last step of a {@link Mapper},
 * applied after encoding and compression. The ciphertext is bound to its {@link CipherContext}
 * (application, originator id, version, topic): decrypting it for any other context fails.
 * Implementations must authenticate what they decrypt, and are thread-safe.
 */
public interface Cipher {

    /**
     * Encrypts the bytes for the stored event that the context describes.
     *
     * @param plaintext the encoded (and maybe compressed) state
     * @param context   the stored event the state belongs to; not null
     * @return the ciphertext, bound to the context
     */
    byte[] encrypt(byte[] plaintext, CipherContext context);

    /**
     * Decrypts bytes made by {@link #encrypt} for the same context, with a key this cipher holds.
     *
     * @param ciphertext the stored state
     * @param context    the stored event the state belongs to; not null
     * @return the plaintext given to {@link #encrypt}
     * @throws DecryptionException when the bytes were encrypted for another context or with a
     *                             key this cipher does not hold, were changed, or were never
     *                             encrypted; the message names no key and quotes no bytes
     */
    byte[] decrypt(byte[] ciphertext, CipherContext context);

    /**
     * The bytes encrypted as this cipher encrypts now (its current key and format): the same
     * array when they are already, once they are known to decrypt; else decrypted and encrypted
     * again for the same context. Re-encrypting every stored state with this after a key
     * rotation lets the old keys go.
     *
     * @param ciphertext the stored state
     * @param context    the stored event the state belongs to; not null
     * @return the state encrypted with the current key and format
     * @throws DecryptionException as {@link #decrypt} does
     */
    default byte[] reencrypt(byte[] ciphertext, CipherContext context) {
        return encrypt(decrypt(ciphertext, context), context);
    }
}
