package dev.eventsourcing.persistence;

import java.util.UUID;

/**
 * Another writer stored an event of the same aggregate at the same version first: the
 * optimistic-concurrency conflict of event sourcing. Reload the aggregate and retry the command.
 */
public class ConcurrencyConflictException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    /** The aggregate whose version was taken. */
    private final UUID originatorId;
    /** The version that was taken. */
    private final long originatorVersion;

    /**
     * A conflict at this aggregate and version.
     *
     * @param originatorId      the aggregate whose version was taken
     * @param originatorVersion the version that was taken
     * @param cause             the backend's error, or {@code null}
     */
    public ConcurrencyConflictException(UUID originatorId, long originatorVersion, Throwable cause) {
        super("Event of " + originatorId + " at version " + originatorVersion + " is recorded already", cause);
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
    }

    /** @return the aggregate whose version was taken */
    public UUID originatorId() {
        return originatorId;
    }

    /** @return the version that was taken */
    public long originatorVersion() {
        return originatorVersion;
    }
}
