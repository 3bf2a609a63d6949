package dev.eventsourcing.projection;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;

import java.util.Set;

/**
 * Writes a materialised view from an application's events: each event, with the position it
 * has in the upstream log, goes to {@link #process}, which must write the view and record the
 * position in one transaction. A {@link ProjectionRunner} feeds it; because positions only
 * grow and each is recorded with its writes, every event is applied exactly once, also across
 * restarts.
 */
public interface Projection {

    /** The projection's name. By default its class's simple name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The topics to process; empty (the default) for all. */
    default Set<String> topics() {
        return Set.of();
    }

    /**
     * Applies one event to the view and records {@code tracking} atomically with it. Events the
     * projection does not care about still need their position recorded.
     */
    void process(DomainEvent<?> event, Tracking tracking);

    /** Where the projection records its positions: the view's own tracking store. */
    TrackingRecorder trackingRecorder();
}
