package dev.eventsourcing.persistence;

/**
 * Encrypts a stored event's state and decrypts it: the optional last step of a {@link Mapper},
 * applied after encoding and compression. Implementations must authenticate what they decrypt,
 * and are thread-safe.
 */
public interface Cipher {

    /** Encrypts the bytes. */
    byte[] encrypt(byte[] plaintext);

    /**
     * Decrypts bytes made by {@link #encrypt} with the same key.
     *
     * @throws DecryptionException when the key is not the one that encrypted the bytes, or the
     *                             bytes were changed or were never encrypted
     */
    byte[] decrypt(byte[] ciphertext);
}
