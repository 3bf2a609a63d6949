package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Subscription;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A subscription that polls {@code selectNotifications} from after the last id it yielded. It
 * relies on the recorder's guarantee that ids become visible in increasing order, so starting
 * after the last yielded id never skips one. Polling backs off from 2 ms to 50 ms while the log
 * is quiet; {@link #stop()} wakes a waiting {@link #hasNext()} at once.
 */
final class PollingSubscription implements Subscription {

    static final int PAGE_SIZE = 100;

    private final ApplicationRecorder recorder;
    private final Set<String> topics;
    private final Deque<Notification> buffer = new ArrayDeque<>();
    private final Object monitor = new Object();
    private volatile boolean stopped;
    private long position;

    PollingSubscription(ApplicationRecorder recorder, long gt, Set<String> topics) {
        this.recorder = recorder;
        this.position = gt;
        this.topics = Set.copyOf(topics);
    }

    @Override
    public boolean hasNext() {
        long interval = Polling.FIRST_INTERVAL.toMillis();
        while (!stopped) {
            if (!buffer.isEmpty()) {
                return true;
            }
            buffer.addAll(recorder.selectNotifications(NotificationSelection.after(position, PAGE_SIZE).topics(topics)));
            if (buffer.isEmpty()) {
                pause(interval);
                interval = Math.min(interval * 2, Polling.MAX_INTERVAL.toMillis());
            }
        }
        return false;
    }

    @Override
    public Notification next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription is stopped");
        }
        Notification next = buffer.removeFirst();
        position = next.id();
        return next;
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
