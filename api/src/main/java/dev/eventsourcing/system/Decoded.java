package dev.eventsourcing.system;

import dev.eventsourcing.dcb.application.SequencedDecision;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.projection.ShreddedEvent;

/**
 * A notification as a reader receives it: its event, or, when the personal data it carried was
 * shredded, what is left of it, or, in the positions of a DCB application, a decision. Exactly
 * one of the three is given.
 */
record Decoded(DomainEvent<?> event, ShreddedEvent<?> shredded, SequencedDecision decided) {

    /**
     * Decodes the notification with the mapper of its log: a shredded one (marked so by the log,
     * or found so by the mapper) becomes a {@link ShreddedEvent}.
     *
     * @throws RuntimeException when it cannot be decoded otherwise (an unknown topic, another
     *                          key, corrupt state)
     */
    static Decoded of(Mapper mapper, Notification notification) {
        if (!notification.shredded()) {
            try {
                return new Decoded(mapper.toDomainEvent(notification.storedEvent()), null, null);
            } catch (ShreddedException e) {
                // shredded since the log was read: what is left is the same
            }
        }
        return new Decoded(null, new ShreddedEvent<>(mapper.eventType(notification.topic()), notification), null);
    }

    /** A decision of a DCB application. */
    static Decoded of(SequencedDecision decided) {
        return new Decoded(null, null, decided);
    }
}
