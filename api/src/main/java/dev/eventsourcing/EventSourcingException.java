package dev.eventsourcing;

/**
 * The root of every exception this library throws: one unchecked tree, so that callers can
 * catch everything the library reports with a single clause.
 */
public class EventSourcingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventSourcingException(String message) {
        super(message);
    }

    public EventSourcingException(String message, Throwable cause) {
        super(message, cause);
    }
}
