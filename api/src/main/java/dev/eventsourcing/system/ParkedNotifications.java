package dev.eventsourcing.system;

import dev.eventsourcing.persistence.ParkedNotification;

import java.util.List;

/**
 * What operators do about parked notifications (see {@link ParkedNotification}): list them,
 * retry them once the cause is fixed, or skip them. Every retry and skip is recorded with the
 * notification, with its time.
 */
public interface ParkedNotifications {

    /**
     * The recorded notifications of a reader (every reader when {@code null}) in a status (every
     * status when {@code null}), ordered by reader, log and id; at most {@code limit}.
     */
    List<ParkedNotification> parked(String reader, ParkedNotification.Status status, int limit);

    /**
     * Processes a parked notification now, and then the notifications of the same originator
     * parked behind it, in order, until one fails again (it stays parked, with one more attempt).
     *
     * @return how many notifications were processed and so resolved as retried
     * @throws IllegalArgumentException when the notification is not parked by that reader
     */
    int retry(String reader, String upstream, long notificationId);

    /**
     * Marks a parked notification as skipped: it is never processed. Notifications of the same
     * originator parked behind it stay parked until they are retried or skipped themselves.
     *
     * @throws IllegalArgumentException when the notification is not parked by that reader
     */
    void skip(String reader, String upstream, long notificationId);
}
