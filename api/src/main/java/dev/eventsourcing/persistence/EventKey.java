package dev.eventsourcing.persistence;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a stored event sits in its recorder's key order: its originator id and version. What
 * {@link AggregateRecorder#selectAllEvents} pages from.
 */
public record EventKey(UUID originatorId, long originatorVersion) {

    public EventKey {
        Objects.requireNonNull(originatorId, "originatorId");
    }

    /** The key of a stored event. */
    public static EventKey of(StoredEvent event) {
        return new EventKey(event.originatorId(), event.originatorVersion());
    }
}
