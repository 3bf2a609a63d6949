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
     * @param events the events to store, in the order their notification ids are given
     * @return the notification ids given to the events, in batch order; empty when this recorder
     *         keeps no total order of its events
     * @throws IntegrityException when any event's originator id and version is taken already,
     *                            or appears twice in the batch; nothing is stored then
     */
    List<Long> insertEvents(List<StoredEvent> events);

    /**
     * The events of one originator that the selection names, in version order.
     *
     * @param originatorId the aggregate whose events to select
     * @param selection    which versions, in which direction and how many
     * @return the selected events; empty when the originator has none in the selection
     */
    List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection);

    /**
     * Every event of one originator, oldest first.
     *
     * @param originatorId the aggregate whose events to select
     * @return its events in version order; empty when it has none
     */
    default List<StoredEvent> selectEvents(UUID originatorId) {
        return selectEvents(originatorId, EventSelection.all());
    }

    /**
     * A page of the stored events of every originator, in the recorder's key order: by
     * originator id (in an order of the backend's choosing, the same on every call), then by
     * version. For maintenance that visits every stored event, such as re-encryption: pass the
     * key of the last event of a page to get the next; an empty page means the end.
     *
     * @param after the key the page starts after (exclusive), or {@code null} for the first page
     * @param limit the most events returned
     * @return up to {@code limit} events following {@code after}; empty at the end
     * @throws IllegalArgumentException when the limit is negative
     */
    List<StoredEvent> selectAllEvents(EventKey after, int limit);

    /**
     * Replaces the states of stored events in place, in one unit of work: each event given
     * replaces the state of the stored event with its originator id, version and topic, which
     * keeps its notification id. An event with no such stored event (or stored under another
     * topic) changes nothing. Replacing with the same state again changes nothing either, so
     * a maintenance run may be repeated.
     *
     * <p>Stored events are otherwise never changed: use this only for maintenance that leaves
     * the event a state decodes to as it was, such as re-encryption with another key.
     *
     * @param events the events whose states replace the stored ones, matched by originator id,
     *               version and topic
     * @return how many stored events were found and given the new state
     * @throws NullPointerException when the list or an event in it is null; nothing is replaced then
     */
    int replaceStates(List<StoredEvent> events);
}
