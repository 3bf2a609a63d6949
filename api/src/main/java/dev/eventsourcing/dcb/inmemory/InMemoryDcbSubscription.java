package dev.eventsourcing.dcb.inmemory;

import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.DcbSubscription;

import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * Follows an in-memory DCB store, reading a page of matching events at a time and sleeping until
 * the next append when it has read everything. Iterated by one thread; stopped from any.
 */
final class InMemoryDcbSubscription implements DcbSubscription {

    private static final int PAGE_SIZE = 500;

    private final InMemoryDcbRecorder recorder;
    private final DcbQuery query;
    private final Queue<DcbSequencedEvent> page = new ArrayDeque<>();
    private long scannedUpTo;
    private volatile boolean stopped;

    InMemoryDcbSubscription(InMemoryDcbRecorder recorder, DcbQuery query, long after) {
        this.recorder = recorder;
        this.query = query;
        this.scannedUpTo = after;
    }

    @Override
    public boolean hasNext() {
        while (!stopped) {
            if (!page.isEmpty()) {
                return true;
            }
            InMemoryDcbRecorder.Page next = recorder.page(query, scannedUpTo, PAGE_SIZE);
            page.addAll(next.events());
            scannedUpTo = next.scannedUpTo();
            if (page.isEmpty()) {
                try {
                    recorder.awaitAppendAfter(scannedUpTo, this);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
        return false;
    }

    @Override
    public DcbSequencedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription is stopped");
        }
        return page.remove();
    }

    @Override
    public void stop() {
        stopped = true;
        recorder.wakeSubscriptions();
    }

    boolean isStopped() {
        return stopped;
    }
}
