package dev.eventsourcing.persistence;

/**
 * Stored bytes could not be decrypted: they were encrypted with another key, were changed after
 * encryption, or were never encrypted. Authenticated encryption detects all three, so no
 * garbage is ever returned instead.
 */
public class DecryptionException extends MapperException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure to decrypt with no underlying error.
     *
     * @param message why the bytes did not decrypt; naming no key bytes and quoting no state
     */
    public DecryptionException(String message) {
        super(message);
    }

    /**
     * A failure to decrypt that the cryptography provider reported.
     *
     * @param message why the bytes did not decrypt; naming no key bytes and quoting no state
     * @param cause   the provider's error
     */
    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
