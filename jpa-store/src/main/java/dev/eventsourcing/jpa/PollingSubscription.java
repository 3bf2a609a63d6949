package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Subscription;
import java.util.Deque;
import java.util.Set;

/**
 * A subscription that polls {@code selectNotifications} from after the last id it yielded. It
 * relies on the recorder's guarantee that ids become visible in increasing order, so starting
 * after the last yielded id never skips one. Polling backs off from 2 ms to 50 ms while the log
 * is quiet, or runs every {@link JpaSettings#pollInterval()} where announced commits
 * ({@link CommitSignals}, on PostgreSQL) wake it; such a commit or {@link #stop()} wakes a
 * waiting {@link #hasNext()} at once.
 */
final class PollingSubscription extends PollingFeed<Notification> implements Subscription {

    static final int PAGE_SIZE = 100;

    private final ApplicationRecorder recorder;
    private final Set<String> topics;
    private long position;

    PollingSubscription(ApplicationRecorder recorder, long gt, Set<String> topics) {
        this.recorder = recorder;
        this.position = gt;
        this.topics = Set.copyOf(topics);
    }

    @Override
    void readPage(Deque<Notification> page) {
        page.addAll(recorder.selectNotifications(NotificationSelection.after(position, PAGE_SIZE).topics(topics)));
    }

    @Override
    void handedOut(Notification notification) {
        position = notification.id();
    }
}
