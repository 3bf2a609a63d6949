package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.DcbSubscription;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/**
 * A DCB subscription that polls the recorder for pages of matching events, as
 * {@link PollingSubscription} polls a notification log: from 2 ms to 50 ms apart while nothing
 * new matches; {@link #stop()} wakes a waiting {@link #hasNext()} at once. Each page is read up
 * to the recorder's bound, below which every position is settled, so continuing after it never
 * skips an event; when a page is not full, the next one starts after the bound, not after the
 * last match, so that events which do not match are not read again.
 */
final class DcbPollingSubscription implements DcbSubscription {

    static final int PAGE_SIZE = 100;

    private final JpaDcbRecorder recorder;
    private final DcbQuery query;
    private final Deque<DcbSequencedEvent> buffer = new ArrayDeque<>();
    private final Object monitor = new Object();
    private volatile boolean stopped;
    private long scanned;

    DcbPollingSubscription(JpaDcbRecorder recorder, DcbQuery query, long after) {
        this.recorder = recorder;
        this.query = query;
        this.scanned = after;
    }

    @Override
    public boolean hasNext() {
        long interval = Polling.FIRST_INTERVAL.toMillis();
        while (!stopped) {
            if (!buffer.isEmpty()) {
                return true;
            }
            JpaDcbRecorder.DcbPage page = recorder.page(query, scanned, PAGE_SIZE);
            buffer.addAll(page.events());
            scanned = page.events().size() == PAGE_SIZE ? buffer.getLast().position() : Math.max(scanned, page.bound());
            if (buffer.isEmpty()) {
                pause(interval);
                interval = Math.min(interval * 2, Polling.MAX_INTERVAL.toMillis());
            }
        }
        return false;
    }

    @Override
    public DcbSequencedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription is stopped");
        }
        return buffer.removeFirst();
    }

    @Override
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
