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

    public ProcessingEvent(Tracking tracking) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /** Adds aggregates whose new events are to be saved with this event's tracking position. */
    public void collectEvents(Aggregate... changed) {
        for (Aggregate aggregate : changed) {
            aggregates.add(Objects.requireNonNull(aggregate, "aggregate"));
        }
    }

    /** The upstream position being processed. */
    public Tracking tracking() {
        return tracking;
    }

    /** The aggregates collected so far, in order. */
    public List<Aggregate> aggregates() {
        return Collections.unmodifiableList(aggregates);
    }
}
