package dev.eventsourcing.persistence;

/**
 * The database could not be used for reasons outside the data: a lost connection, a lock or
 * statement timeout, a server shutting down. Retrying later may succeed.
 */
public class OperationalException extends RecorderException {
    private static final long serialVersionUID = 1L;

    /**
     * An operational failure the backend reported.
     *
     * @param message what could not be done
     * @param cause   the backend's error, or {@code null}
     */
    public OperationalException(String message, Throwable cause) {
        super(message, cause);
    }
}
