package dev.eventsourcing;

/**
 * The root of every exception this library throws: one unchecked tree, so that callers can
 * catch everything the library reports with a single clause.
 */
public class EventSourcingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a failure of the library.
     *
     * @param message what went wrong, specific enough to act on
     */
    public EventSourcingException(String message) {
        super(message);
    }

    /**
     * Reports a failure of the library caused by another exception.
     *
     * @param message what went wrong, specific enough to act on
     * @param cause the underlying failure; may be null
     */
    public EventSourcingException(String message, Throwable cause) {
        super(message, cause);
    }
}
