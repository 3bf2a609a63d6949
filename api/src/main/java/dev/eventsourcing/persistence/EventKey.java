package dev.eventsourcing.persistence;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a stored event sits in its recorder's key order: its originator id and version. What
 * {@link AggregateRecorder#selectAllEvents} pages from.
 *
 * @param originatorId      the stored event's originator id
 * @param originatorVersion the stored event's originator version
 */
public record EventKey(UUID originatorId, long originatorVersion) {

    /**
     * Checks the originator id.
     *
     * @param originatorId      the originator id; not null
     * @param originatorVersion the originator version
     * @throws NullPointerException when the originator id is null
     */
    public EventKey {
        Objects.requireNonNull(originatorId, "originatorId");
    }

    /**
     * The key of a stored event.
     *
     * @param event the stored event
     * @return its originator id and version
     */
    public static EventKey of(StoredEvent event) {
        return new EventKey(event.originatorId(), event.originatorVersion());
    }
}
