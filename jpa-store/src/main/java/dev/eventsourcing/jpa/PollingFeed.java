package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.CommitWatch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/**
 * The iteration shared by the polling subscriptions: hand out what the last page read, and when
 * it is used up read the next page, polling from 2 ms to 50 ms apart while nothing new is there.
 * {@link #wake()} (called when a commit is announced, see {@link CommitSignals}) makes a waiting
 * {@link #hasNext()} read at once, and one about to wait read again first, so that an
 * announcement that comes while a page is read is not lost. {@link #stop()} wakes a waiting
 * {@link #hasNext()} at once and closes the watch; an interrupted consumer ends the feed.
 * Iterated by one thread; stopped and woken from any.
 *
 * <p>A feed that announcements wake ({@link #wokenBy} with a watch that hears something) polls
 * a log where it found nothing new only at the interval it is given, as a safety net for lost
 * announcements, when that read was settled (nothing committed can have been left behind); when
 * it may have left items committed after an id still in progress, it reads again within 2 ms,
 * doubling up to that interval, since the writer in progress may roll back, which nobody
 * announces, and the items behind it would wait for the next announcement or poll.
 *
 * @param <T> what the feed hands out
 */
abstract class PollingFeed<T> {

    private final Deque<T> buffer = new ArrayDeque<>();
    private final Object monitor = new Object();
    private volatile boolean stopped;
    private boolean woken; // guarded by monitor
    private volatile CommitWatch watch = CommitWatch.NONE;
    /** The pause between polls while woken by announcements, in milliseconds; 0 to back off instead. */
    private volatile long wokenPollMillis;

    /**
     * Reads the next page after what was read before into {@code page}; adds nothing when nothing
     * new is there.
     *
     * @return whether the read was settled: false when items committed after an id still in
     *         progress may have been left for a later read
     */
    abstract boolean readPage(Deque<T> page);

    /** Told of each item as it is handed out. Nothing by default. */
    void handedOut(T item) {
    }

    public boolean hasNext() {
        long interval = Polling.FIRST_INTERVAL.toMillis();
        while (!stopped) {
            if (!buffer.isEmpty()) {
                return true;
            }
            boolean settled = readPage(buffer);
            if (buffer.isEmpty()) {
                long woken = wokenPollMillis;
                if (woken == 0) {
                    pause(interval);
                    interval = Math.min(interval * 2, Polling.MAX_INTERVAL.toMillis());
                } else {
                    // Nothing new can come unless announced (wake() cuts the pause short), or
                    // unless a writer in progress ended.
                    pause(settled ? woken : Math.min(interval, woken));
                    interval = Math.min(interval * 2, woken);
                }
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

    /**
     * Keeps the watch that wakes this feed, to close it when the feed stops. Unless it is
     * {@link CommitWatch#NONE} (nothing is heard), the feed then polls {@code pollInterval} apart
     * instead of backing off from 2 ms to 50 ms.
     */
    void wokenBy(CommitWatch watch, Duration pollInterval) {
        this.watch = watch;
        if (watch != CommitWatch.NONE) {
            wokenPollMillis = Math.max(1, pollInterval.toMillis());
        }
        if (stopped) {
            watch.close();
        }
    }

    /** Reads the next page at once, instead of after the current pause. */
    void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    public void stop() {
        stopped = true;
        watch.close();
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void pause(long millis) {
        try {
            synchronized (monitor) {
                try {
                    if (!stopped && !woken) {
                        monitor.wait(millis);
                    }
                } finally {
                    woken = false;
                }
            }
        } catch (InterruptedException e) {
            // An interrupted consumer ends the feed, keeping the interrupt for its caller.
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
