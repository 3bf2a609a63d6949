package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Subscription;
import java.util.Deque;
import java.util.Set;
import java.util.function.Function;

/**
 * A subscription that polls {@code selectNotifications} from after the last id it yielded. It
 * relies on the recorder's guarantee that ids become visible in increasing order, so starting
 * after the last yielded id never skips one. Polling backs off from 2 ms to 50 ms while the log
 * is quiet, or runs every {@link JpaSettings#pollInterval()} where announced commits
 * ({@link CommitSignals}, on PostgreSQL) wake it (sooner after a read that the watermark may have
 * cut short, see {@link PollingFeed}); such a commit or {@link #stop()} wakes a
 * waiting {@link #hasNext()} at once.
 */
final class PollingSubscription extends PollingFeed<Notification> implements Subscription {

    static final int PAGE_SIZE = 100;

    private final Function<NotificationSelection, NotificationPage> pages;
    private final Set<String> topics;
    private long position;

    /** A subscription reading its pages with {@code pages} ({@link JpaApplicationRecorder#selectPage}). */
    PollingSubscription(Function<NotificationSelection, NotificationPage> pages, long gt, Set<String> topics) {
        this.pages = pages;
        this.position = gt;
        this.topics = Set.copyOf(topics);
    }

    @Override
    boolean readPage(Deque<Notification> page) {
        NotificationPage read = pages.apply(NotificationSelection.after(position, PAGE_SIZE).topics(topics));
        page.addAll(read.notifications());
        return read.settled();
    }

    @Override
    void handedOut(Notification notification) {
        position = notification.id();
    }
}
