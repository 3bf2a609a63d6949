package dev.eventsourcing.persistence;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an aggregate is rebuilt from: its latest suitable snapshot, if it has one, and its events
 * after that snapshot, oldest first.
 *
 * @param snapshot the snapshot, or {@code null} when none was found (the events then start at
 *                 the aggregate's first)
 * @param events   the events after the snapshot's version, in version order; empty when there
 *                 are none
 */
public record SnapshotAndEvents(StoredEvent snapshot, List<StoredEvent> events) {

    /**
     * Checks and copies the events.
     *
     * @param snapshot the snapshot, or {@code null}
     * @param events   the events after it; not null
     * @throws NullPointerException when the list or an event in it is null
     */
    public SnapshotAndEvents {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /**
     * Selects an aggregate's latest snapshot up to a version, then its events after that
     * snapshot up to the same version: two selects, one from each recorder, for recorders that
     * cannot be read together (see {@link SnapshotJoiningRecorder}). Run them in one unit of work
     * where the store has transactions, so that they cost one transaction.
     *
     * @param originatorId the aggregate; not null
     * @param snapshots    the recorder of its snapshots; not null
     * @param events       the recorder of its events; not null
     * @param upTo         the highest version of the snapshot and of the events, or {@code null}
     *                     for no bound
     * @return the snapshot with the highest version up to {@code upTo}, if any, and the events
     *         after it up to {@code upTo}, in version order
     */
    public static SnapshotAndEvents selectSeparately(UUID originatorId, AggregateRecorder snapshots,
                                                     AggregateRecorder events, Long upTo) {
        Objects.requireNonNull(originatorId, "originatorId");
        EventSelection bounds = upTo == null ? EventSelection.all() : EventSelection.all().upTo(upTo);
        List<StoredEvent> latest = snapshots.selectEvents(originatorId, bounds.descending().limit(1));
        StoredEvent snapshot = latest.isEmpty() ? null : latest.get(0);
        EventSelection after = snapshot == null ? bounds : bounds.after(snapshot.originatorVersion());
        return new SnapshotAndEvents(snapshot, events.selectEvents(originatorId, after));
    }
}
