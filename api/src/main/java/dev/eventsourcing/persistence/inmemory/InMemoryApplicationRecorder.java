package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.EventKey;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores events in memory and keeps one total order of them: the notification log.
 *
 * <p>Thread-safe. Notification ids start at 1 and have no gaps: a batch takes the next
 * contiguous ids under the same lock that stores its events, so concurrent batches never
 * interleave, a rejected batch takes no id, and ids become visible strictly in order.
 * Subscriptions sleep until events are inserted; they do not poll.
 */
public class InMemoryApplicationRecorder extends InMemoryAggregateRecorder implements ApplicationRecorder {

    // Index i holds the notification with id i + 1.
    private final List<Notification> log = new ArrayList<>();
    // The id of each stored event, so that a replaced state replaces its notification too.
    private final Map<EventKey, Long> ids = new HashMap<>();
    private final Signal inserted = new Signal();

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        List<StoredEvent> batch = checkedBatch(events);
        List<Long> ids = writeLocked(() -> {
            checkVersionsAreFree(batch);
            storeEvents(batch);
            return appendNotifications(batch);
        });
        notifyInserted(ids);
        return ids;
    }

    @Override
    public List<Notification> selectNotifications(NotificationSelection selection) {
        Objects.requireNonNull(selection, "selection");
        return readLocked(() -> {
            List<Notification> found = new ArrayList<>();
            long last = selection.stop() == null ? log.size() : Math.min(selection.stop(), log.size());
            for (long id = selection.firstId(); id <= last && found.size() < selection.limit(); id++) {
                Notification notification = log.get((int) (id - 1));
                if (selection.includes(id, notification.topic())) {
                    found.add(notification);
                }
            }
            return found;
        });
    }

    @Override
    public long maxNotificationId() {
        return readLocked(() -> (long) log.size());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Iterate the subscription from one thread; stop it from any. Interrupting the iterating
     * thread while it waits stops the subscription too (and keeps the thread's interrupt status).
     */
    @Override
    public Subscription subscribe(long gt, Set<String> topics) {
        return new InMemorySubscription(this, inserted, gt, topics);
    }

    /** Gives the batch the next ids and appends it to the log. Call with the write lock held. */
    final List<Long> appendNotifications(List<StoredEvent> batch) {
        List<Long> ids = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            long id = log.size() + 1L;
            log.add(Notification.of(id, event));
            this.ids.put(EventKey.of(event), id);
            ids.add(id);
        }
        return ids;
    }

    @Override
    void stateReplaced(StoredEvent event) {
        long id = this.ids.get(EventKey.of(event));
        log.set((int) (id - 1), Notification.of(id, event));
    }

    /** Wakes the subscriptions after a batch is stored. Call after releasing the write lock. */
    final void notifyInserted(List<Long> ids) {
        if (!ids.isEmpty()) {
            inserted.fire();
        }
    }
}
