package dev.eventsourcing.persistence;

/**
 * Stored bytes could not be decrypted: they were encrypted with another key, were changed after
 * encryption, or were never encrypted. Authenticated encryption detects all three, so no
 * garbage is ever returned instead.
 */
public class DecryptionException extends MapperException {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
