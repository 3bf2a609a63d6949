package dev.eventsourcing.persistence;

import java.util.UUID;

/**
 * Another writer stored an event of the same aggregate at the same version first: the
 * optimistic-concurrency conflict of event sourcing. Reload the aggregate and retry the command.
 */
public class ConcurrencyConflictException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    private final UUID originatorId;
    private final long originatorVersion;

    public ConcurrencyConflictException(UUID originatorId, long originatorVersion, Throwable cause) {
        super("Event of " + originatorId + " at version " + originatorVersion + " is recorded already", cause);
        this.originatorId = originatorId;
        this.originatorVersion = originatorVersion;
    }

    /** The aggregate whose version was taken. */
    public UUID originatorId() {
        return originatorId;
    }

    /** The version that was taken. */
    public long originatorVersion() {
        return originatorVersion;
    }
}
