package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DomainEvent;

import java.util.Objects;

/**
 * A domain event that was just stored, with the notification id it was given in its
 * application's log (0 when the recorder keeps no total order, as a snapshot store does not).
 */
public record Recording(DomainEvent<?> domainEvent, long notificationId) {

    public Recording {
        Objects.requireNonNull(domainEvent, "domainEvent");
    }
}
