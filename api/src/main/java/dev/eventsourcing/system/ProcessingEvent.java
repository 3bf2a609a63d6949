package dev.eventsourcing.system;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.persistence.Tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a process application's policy produces from one upstream event: the aggregates whose
 * new events it wants saved, together with the upstream position they answer, so that both
 * are recorded in one transaction.
 */
public final class ProcessingEvent {

    private final Tracking tracking;
    private final List<Aggregate> aggregates = new ArrayList<>();

    /**
     * Starts collecting for one upstream notification.
     *
     * @param tracking the upstream log and notification id being processed; not null
     */
    public ProcessingEvent(Tracking tracking) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /**
     * Adds aggregates whose new events are to be saved with this event's tracking position.
     *
     * @param changed the aggregates, in the order their events are to be saved; no null element
     */
    public void collectEvents(Aggregate... changed) {
        for (Aggregate aggregate : changed) {
            aggregates.add(Objects.requireNonNull(aggregate, "aggregate"));
        }
    }

    /**
     * The upstream position being processed, under the key the position is recorded by: the
     * leader's name, or for a process application divided into segments the segment's key
     * ({@code Transfers#2/4}; see {@link MultiThreadedRunner}).
     *
     * @return the position
     */
    public Tracking tracking() {
        return tracking;
    }

    /** @return the aggregates collected so far, in order, as an unmodifiable view */
    public List<Aggregate> aggregates() {
        return Collections.unmodifiableList(aggregates);
    }
}
