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
     *
     * @param reader the reader's name, or {@code null} for every reader
     * @param status the status, or {@code null} for every status
     * @param limit the most notifications to return
     * @return the notifications found; empty when there are none
     */
    List<ParkedNotification> parked(String reader, ParkedNotification.Status status, int limit);

    /**
     * Processes a parked notification now, and then the notifications of the same originator
     * parked behind it, in order, until one fails again (it stays parked, with one more attempt).
     *
     * @param reader the reader that parked it
     * @param upstream the name of the log the notification is in
     * @param notificationId the notification's id in that log
     * @return how many notifications were processed and so resolved as retried
     * @throws IllegalArgumentException when the notification is not parked by that reader
     */
    int retry(String reader, String upstream, long notificationId);

    /**
     * Marks a parked notification as skipped: it is never processed. Notifications of the same
     * originator parked behind it stay parked until they are retried or skipped themselves.
     *
     * @param reader the reader that parked it
     * @param upstream the name of the log the notification is in
     * @param notificationId the notification's id in that log
     * @throws IllegalArgumentException when the notification is not parked by that reader
     */
    void skip(String reader, String upstream, long notificationId);
}
