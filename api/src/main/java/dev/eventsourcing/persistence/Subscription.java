package dev.eventsourcing.persistence;

import java.util.Iterator;

/**
 * A live feed of notifications: iterating blocks until the next notification is committed, and
 * ends once {@link #stop()} is called (from any thread). Close it to release its resources.
 */
public interface Subscription extends Iterator<Notification>, AutoCloseable {

    /** Ends the feed: a blocked or later {@code hasNext()} returns false. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
