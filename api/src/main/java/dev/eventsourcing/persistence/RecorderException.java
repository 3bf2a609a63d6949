package dev.eventsourcing.persistence;

import dev.eventsourcing.EventSourcingException;

/**
 * A recorder could not complete an operation. Subclasses keep the names of the database error
 * classes (integrity, operational, data, programming) so that a user can read a backend's
 * documentation beside ours. The backend's own exception is always attached as the cause.
 */
public class RecorderException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * A recorder failure with no backend error.
     *
     * @param message what could not be done
     */
    public RecorderException(String message) {
        super(message);
    }

    /**
     * A recorder failure the backend reported.
     *
     * @param message what could not be done
     * @param cause   the backend's error, or {@code null}
     */
    public RecorderException(String message, Throwable cause) {
        super(message, cause);
    }
}
