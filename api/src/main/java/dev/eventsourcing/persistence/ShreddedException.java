package dev.eventsourcing.persistence;

import java.util.Objects;
import java.util.UUID;

/**
 * An event, snapshot or aggregate cannot be read, or personal data cannot be written, because
 * the key of the subject whose personal data it carries was deleted: the data was shredded on
 * purpose and is gone for good. Not a fault: the stored event is intact, and retrying cannot help.
 */
public class ShreddedException extends MapperException {
    private static final long serialVersionUID = 1L;

    /** The subject whose key is gone. */
    private final UUID subject;

    /**
     * Shredded data of this subject.
     *
     * @param subject the subject whose key is gone; not null
     * @param message what could not be read or written
     * @throws NullPointerException when the subject is null
     */
    public ShreddedException(UUID subject, String message) {
        this(subject, message, null);
    }

    /**
     * Shredded data of this subject, found while handling another error.
     *
     * @param subject the subject whose key is gone; not null
     * @param message what could not be read or written
     * @param cause   the underlying error, or {@code null}
     * @throws NullPointerException when the subject is null
     */
    public ShreddedException(UUID subject, String message, Throwable cause) {
        super(message, cause);
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** @return the subject whose key is gone */
    public UUID subject() {
        return subject;
    }
}
