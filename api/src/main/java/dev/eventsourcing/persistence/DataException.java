package dev.eventsourcing.persistence;

/**
 * The data itself could not be stored or read: a value too long for its column, an
 * out-of-range number, corrupt stored bytes.
 */
public class DataException extends RecorderException {
    private static final long serialVersionUID = 1L;

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
