package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DomainEvent;

import java.util.Objects;

/**
 * A domain event that was just stored, with the notification id it was given in its
 * application's log (0 when the recorder keeps no total order, as a snapshot store does not).
 *
 * @param domainEvent    the event as it was given to the store
 * @param notificationId its id in the application's log, or 0 when there is no log
 */
public record Recording(DomainEvent<?> domainEvent, long notificationId) {

    /**
     * Checks the event.
     *
     * @param domainEvent    the event; not null
     * @param notificationId its id in the log, or 0
     * @throws NullPointerException when the event is null
     */
    public Recording {
        Objects.requireNonNull(domainEvent, "domainEvent");
    }
}
