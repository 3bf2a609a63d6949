package dev.eventsourcing.persistence;

/**
 * A write broke a uniqueness rule: an event with the same originator id and version is stored
 * already (an optimistic-concurrency conflict), or a tracking position was recorded already or
 * lies below the highest one recorded. Nothing of the rejected batch was stored.
 */
public class IntegrityException extends RecorderException {
    private static final long serialVersionUID = 1L;

    /**
     * A broken uniqueness rule that the recorder found itself.
     *
     * @param message the rule broken and the event or position that broke it
     */
    public IntegrityException(String message) {
        super(message);
    }

    /**
     * A broken uniqueness rule that the backend reported.
     *
     * @param message the rule broken and the event or position that broke it
     * @param cause   the backend's error, or {@code null}
     */
    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
