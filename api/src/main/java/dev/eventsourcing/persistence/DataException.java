package dev.eventsourcing.persistence;

/**
 * The data itself could not be stored or read: a value too long for its column, an
 * out-of-range number, corrupt stored bytes.
 */
public class DataException extends RecorderException {
    private static final long serialVersionUID = 1L;

    /**
     * A data failure the backend reported.
     *
     * @param message which data could not be stored or read, and why
     * @param cause   the backend's error, or {@code null}
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
