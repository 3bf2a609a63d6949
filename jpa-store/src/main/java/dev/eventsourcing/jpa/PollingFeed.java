package dev.eventsourcing.jpa;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/**
 * The iteration shared by the polling subscriptions: hand out what the last page read, and when
 * it is used up read the next page, polling from 2 ms to 50 ms apart while nothing new is there.
 * {@link #stop()} wakes a waiting {@link #hasNext()} at once; an interrupted consumer ends the feed.
 * Iterated by one thread; stopped from any.
 *
 * @param <T> what the feed hands out
 */
abstract class PollingFeed<T> {

    private final Deque<T> buffer = new ArrayDeque<>();
    private final Object monitor = new Object();
    private volatile boolean stopped;

    /** Reads the next page after what was read before into {@code page}; adds nothing when nothing new is there. */
    abstract void readPage(Deque<T> page);

    /** Told of each item as it is handed out. Nothing by default. */
    void handedOut(T item) {
    }

    public boolean hasNext() {
        long interval = Polling.FIRST_INTERVAL.toMillis();
        while (!stopped) {
            if (!buffer.isEmpty()) {
                return true;
            }
            readPage(buffer);
            if (buffer.isEmpty()) {
                pause(interval);
                interval = Math.min(interval * 2, Polling.MAX_INTERVAL.toMillis());
            }
        }
        return false;
    }

    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription is stopped");
        }
        T next = buffer.removeFirst();
        handedOut(next);
        return next;
    }

    public void stop() {
        stopped = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void pause(long millis) {
        synchronized (monitor) {
            if (stopped) {
                return;
            }
            try {
                monitor.wait(millis);
            } catch (InterruptedException e) {
                // An interrupted consumer ends the feed, keeping the interrupt for its caller.
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }
}
