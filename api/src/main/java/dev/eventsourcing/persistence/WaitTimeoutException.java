package dev.eventsourcing.persistence;

import dev.eventsourcing.EventSourcingException;

/** A wait for a tracking position ended because its timeout passed first. */
public class WaitTimeoutException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * A wait that timed out.
     *
     * @param message what was awaited, and for how long
     */
    public WaitTimeoutException(String message) {
        super(message);
    }
}
