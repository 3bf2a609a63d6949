package dev.eventsourcing.persistence;

import dev.eventsourcing.EventSourcingException;

/** A wait for a tracking position ended because the waiting thread was interrupted. */
public class WaitInterruptedException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * An interrupted wait.
     *
     * @param message what was awaited
     * @param cause   the {@link InterruptedException}
     */
    public WaitInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
