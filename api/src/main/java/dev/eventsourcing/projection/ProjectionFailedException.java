package dev.eventsourcing.projection;

import dev.eventsourcing.EventSourcingException;

/**
 * A projection stopped because processing a notification failed. Nothing of that notification
 * was recorded; after the cause is fixed, a new runner resumes at it.
 */
public class ProjectionFailedException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    public ProjectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
