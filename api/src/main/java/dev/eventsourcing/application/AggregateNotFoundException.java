package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

import java.util.UUID;

/** No aggregate of the asked-for type has events under the given id (at the given version). */
public class AggregateNotFoundException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    private final UUID id;

    public AggregateNotFoundException(UUID id, String message) {
        super(message);
        this.id = id;
    }

    /** The id that was looked up. */
    public UUID id() {
        return id;
    }
}
