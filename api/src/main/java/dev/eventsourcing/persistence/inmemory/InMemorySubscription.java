package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Subscription;

import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;

/**
 * Follows an application recorder's log, reading a page at a time and sleeping on the recorder's
 * insert signal when it has read everything. Iterated by one thread; stopped from any.
 */
final class InMemorySubscription implements Subscription {

    private static final int PAGE_SIZE = 500;

    private final ApplicationRecorder recorder;
    private final Signal inserted;
    private final Set<String> topics;
    private final Queue<Notification> page = new ArrayDeque<>();
    private long scannedUpTo;
    private volatile boolean stopped;

    InMemorySubscription(ApplicationRecorder recorder, Signal inserted, long gt, Set<String> topics) {
        this.recorder = recorder;
        this.inserted = inserted;
        this.topics = Set.copyOf(Objects.requireNonNull(topics, "topics"));
        this.scannedUpTo = Math.max(0, gt);
    }

    @Override
    public boolean hasNext() {
        while (!stopped) {
            if (!page.isEmpty()) {
                return true;
            }
            // Read the generation before looking, so an insert after the look still wakes us.
            long seen = inserted.generation();
            if (!readPage()) {
                try {
                    inserted.awaitAfter(seen);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
        return false;
    }

    @Override
    public Notification next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The subscription is stopped");
        }
        return page.remove();
    }

    @Override
    public void stop() {
        stopped = true;
        inserted.fire();
    }

    /** Reads the next page of matching notifications; false when none was found. */
    private boolean readPage() {
        long max = recorder.maxNotificationId();
        if (max <= scannedUpTo) {
            return false;
        }
        List<Notification> found = recorder.selectNotifications(
                NotificationSelection.after(scannedUpTo, PAGE_SIZE).stop(max).topics(topics));
        page.addAll(found);
        // Ids up to max are all visible already, so a short page means all of them were scanned.
        scannedUpTo = found.size() < PAGE_SIZE ? max : found.get(found.size() - 1).id();
        return !found.isEmpty();
    }
}
