package dev.eventsourcing.projection;

import dev.eventsourcing.persistence.Notification;

import java.util.Objects;
import java.util.UUID;

/**
 * An event that a reader observes but can no longer read: the personal data it carried was
 * shredded (see {@link dev.eventsourcing.domain.PersonalData}) before the reader got to it. What
 * its notification says stays known (its type, originator, version and place in the log); its
 * data, and its timestamp, are gone.
 *
 * @param type         the event's class, as its topic names it
 * @param notification the notification, {@linkplain Notification#shredded() shredded} or as stored
 * @param <E>          the event type
 */
public record ShreddedEvent<E>(Class<E> type, Notification notification) {

    /**
     * A shredded event; both components are required.
     *
     * @param type         the event's class; not null
     * @param notification the notification; not null
     */
    public ShreddedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(notification, "notification");
    }

    /** @return the id of the aggregate the event happened to */
    public UUID originatorId() {
        return notification.originatorId();
    }

    /** @return the aggregate's version after the event */
    public long originatorVersion() {
        return notification.originatorVersion();
    }
}
