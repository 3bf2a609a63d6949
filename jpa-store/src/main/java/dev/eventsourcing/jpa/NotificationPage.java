package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.Notification;
import java.util.List;

/**
 * A page of notifications read for a subscription, and whether it holds every notification
 * committed from its first id on when it was read (up to its limit), so that a reader woken by
 * announced commits that found nothing new may wait for the next announcement: false when
 * notifications committed after an id still in progress may have been left for a later read,
 * whose writer may yet roll back unannounced, or when that is not known.
 *
 * @param notifications the notifications read, ascending by id
 * @param settled       whether nothing committed was left behind
 */
record NotificationPage(List<Notification> notifications, boolean settled) {

    NotificationPage {
        notifications = List.copyOf(notifications);
    }
}
