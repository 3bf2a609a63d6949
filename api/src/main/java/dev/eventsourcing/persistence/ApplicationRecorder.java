package dev.eventsourcing.persistence;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An aggregate recorder that also keeps one total order of all its events: each inserted event
 * becomes a {@link Notification} with an id, and the notifications can be read in id order.
 *
 * <p>Guarantees: ids of one batch are contiguous and ascending in batch order; two concurrent
 * batches never interleave; and ids become visible in increasing order, so a reader that has
 * seen id <i>n</i> never afterwards sees a newly committed notification with an id below
 * <i>n</i>. Polling with {@code start = last seen + 1} therefore never skips a notification.
 */
public interface ApplicationRecorder extends AggregateRecorder {

    /**
     * The notifications the selection names, ascending by id.
     *
     * @param selection the bounds, limit and topics of the page
     * @return the selected notifications; empty when none is recorded in the selection
     */
    List<Notification> selectNotifications(NotificationSelection selection);

    /**
     * Up to {@code limit} notifications from id {@code start} inclusive.
     *
     * @param start the first id to return; ids below 1 mean from the beginning
     * @param limit the most notifications returned; at least 1
     * @return the notifications, ascending by id; empty when none is recorded from {@code start}
     * @throws IllegalArgumentException when the limit is below 1
     */
    default List<Notification> selectNotifications(long start, int limit) {
        return selectNotifications(NotificationSelection.from(start, limit));
    }

    /** @return the highest notification id recorded, or 0 when nothing is recorded yet */
    long maxNotificationId();

    /**
     * Follows the log from after {@code gt}: the subscription yields every notification with a
     * greater id, in order, waiting for new ones as they are committed, until it is stopped.
     *
     * @param gt     the position to start after; 0 for the beginning
     * @param topics the topics to yield; empty for all
     * @return a running subscription, to be closed by the caller
     */
    Subscription subscribe(long gt, Set<String> topics);

    /**
     * Follows the whole log from after {@code gt}, every topic.
     *
     * @param gt the position to start after; 0 for the beginning
     * @return a running subscription, to be closed by the caller
     */
    default Subscription subscribe(long gt) {
        return subscribe(gt, Set.of());
    }

    /**
     * Calls {@code listener} soon after a transaction that recorded notifications in this log has
     * committed, in this process or in another one that shares the store, where the backend can
     * be told of such commits (the JPA store on PostgreSQL, by {@code LISTEN/NOTIFY}). It is a
     * prompt to read, not a record: calls may be coalesced, may come when nothing new is there,
     * and may be missed (a lost connection, a writer that ends before announcing its commit), so
     * a reader woken by it still polls, only less often. After a lost connection comes back, the
     * listener is called once, as notifications may have been missed meanwhile. The listener
     * runs on the backend's thread and must return quickly (wake a waiter, submit a task).
     *
     * @param listener what to call after such commits; not null
     * @return the registration, to close when the calls are no longer wanted; {@link CommitWatch#NONE},
     *         which calls nothing, where the backend cannot tell (the default)
     */
    default CommitWatch watchCommits(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        return CommitWatch.NONE;
    }
}
