package dev.eventsourcing.persistence;

import java.util.List;
import java.util.Objects;

/**
 * An application recorder that records the position of what was processed atomically with the
 * events that processing produced: the foundation of exactly-once processing.
 */
public interface ProcessRecorder extends ApplicationRecorder, TrackingRecorder {

    /**
     * Stores the events and the tracking position in one transaction: both or neither.
     *
     * @param events   the events to store, in the order their notification ids are given; may
     *                 be empty
     * @param tracking the upstream position processed, or {@code null} to store events only.
     *                 An empty event list with a tracking position records just the position.
     * @return the notification ids given to the events, in batch order
     * @throws IntegrityException when an event's version is taken or the position is not above
     *                            the highest one recorded; nothing is stored then
     */
    List<Long> insertEvents(List<StoredEvent> events, Tracking tracking);

    @Override
    default List<Long> insertEvents(List<StoredEvent> events) {
        return insertEvents(events, null);
    }

    @Override
    default void insertTracking(Tracking tracking) {
        // Without this check a null position would pass as "events only" and record nothing.
        insertEvents(List.of(), Objects.requireNonNull(tracking, "tracking"));
    }
}
