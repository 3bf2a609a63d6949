package dev.eventsourcing.persistence;

import java.util.UUID;

/**
 * An aggregate recorder that selects an aggregate's latest snapshot, kept by a snapshot recorder
 * of the same store, together with its own events after that snapshot, in one read: what a
 * repository rebuilds an aggregate from, for the cost of one select instead of two.
 *
 * <p>Guarantees: the events continue the snapshot without a gap. They are every event of the
 * originator after the snapshot's version, up to the bound given, that the store held when it
 * was read (a snapshot is stored only after the events it was taken of), in version order.
 */
public interface SnapshotJoiningRecorder extends AggregateRecorder {

    /**
     * Whether {@link #selectFromSnapshot} can read the snapshots of this recorder together with
     * this recorder's events: when both keep their rows in one store (on a database, one
     * persistence unit).
     *
     * @param snapshots the recorder of the snapshots; not null
     * @return true when the two can be read in one read
     */
    boolean joins(AggregateRecorder snapshots);

    /**
     * The latest snapshot of an aggregate up to a version, and this recorder's events of the
     * aggregate after that snapshot up to the same version, in one read.
     *
     * @param originatorId the aggregate; not null
     * @param snapshots    the recorder of the aggregate's snapshots, which this recorder
     *                     {@linkplain #joins joins}; not null
     * @param upTo         the highest version of the snapshot and of the events, or {@code null}
     *                     for no bound
     * @return the snapshot with the highest version up to {@code upTo} (none when there is none),
     *         and the events after its version (every event when there is no snapshot) up to
     *         {@code upTo}, in version order
     * @throws IllegalArgumentException when this recorder does not join {@code snapshots}
     * @throws RecorderException        when the store cannot be read
     */
    SnapshotAndEvents selectFromSnapshot(UUID originatorId, AggregateRecorder snapshots, Long upTo);
}
