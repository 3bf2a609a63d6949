package dev.eventsourcing.dcb;

import java.util.Iterator;

/**
 * A live feed of the events that match a query: it first delivers the matching events already
 * stored after the subscription's position, then blocks in {@code hasNext()} until the next
 * matching event is committed, in order of position, and ends once {@link #stop()} is called
 * (from any thread). Close it to release its resources.
 */
public interface DcbSubscription extends Iterator<DcbSequencedEvent>, AutoCloseable {

    /** Ends the feed: a blocked or later {@code hasNext()} returns false. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
