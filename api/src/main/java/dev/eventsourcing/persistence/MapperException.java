package dev.eventsourcing.persistence;

import dev.eventsourcing.EventSourcingException;

/**
 * A domain event could not be turned into a stored event, or a stored event could not be read
 * back. When a {@link Mapper} throws it, the message names the stored event (topic, originator
 * id and version) so that an operator can find it; the stored event itself is never changed.
 * Subclasses say what went wrong where a caller may want to react differently.
 */
public class MapperException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure to map with no underlying error.
     *
     * @param message what failed, naming the stored event where there is one
     */
    public MapperException(String message) {
        super(message);
    }

    /**
     * A failure to map caused by another error.
     *
     * @param message what failed, naming the stored event where there is one
     * @param cause   the underlying error, or {@code null}
     */
    public MapperException(String message, Throwable cause) {
        super(message, cause);
    }
}
