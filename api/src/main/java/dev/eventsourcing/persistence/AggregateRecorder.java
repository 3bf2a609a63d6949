package dev.eventsourcing.persistence;

import java.util.List;
import java.util.UUID;

/**
 * Stores and selects the events of aggregates, each sequence keyed by its originator id and
 * ordered by version.
 *
 * <p>Guarantees: {@link #insertEvents} stores the whole batch or nothing; an event whose
 * (originator id, version) is taken already makes the whole batch fail with an
 * {@link IntegrityException}, raised by the call itself (not later, at commit).
 */
public interface AggregateRecorder {

    /**
     * Stores a batch of events atomically.
     *
     * @return the notification ids given to the events, in batch order; empty when this recorder
     *         keeps no total order of its events
     * @throws IntegrityException when any event's originator id and version is taken already,
     *                            or appears twice in the batch; nothing is stored then
     */
    List<Long> insertEvents(List<StoredEvent> events);

    /** The events of one originator that the selection names, in version order. */
    List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection);

    /** Every event of one originator, oldest first. */
    default List<StoredEvent> selectEvents(UUID originatorId) {
        return selectEvents(originatorId, EventSelection.all());
    }
}
