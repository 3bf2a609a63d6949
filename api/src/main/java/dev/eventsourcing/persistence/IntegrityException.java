package dev.eventsourcing.persistence;

/**
 * A write broke a uniqueness rule: an event with the same originator id and version is stored
 * already (an optimistic-concurrency conflict), or a tracking position was recorded already or
 * lies below the highest one recorded. Nothing of the rejected batch was stored.
 */
public class IntegrityException extends RecorderException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
