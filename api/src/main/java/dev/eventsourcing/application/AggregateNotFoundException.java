package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

import java.util.UUID;

/** No aggregate of the asked-for type has events under the given id (at the given version). */
public class AggregateNotFoundException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /** The id that was looked up. */
    private final UUID id;

    /**
     * Reports that nothing was found under an id.
     *
     * @param id the id that was looked up
     * @param message what was looked for, naming the id (and version, if one was asked for)
     */
    public AggregateNotFoundException(UUID id, String message) {
        super(message);
        this.id = id;
    }

    /** @return the id that was looked up */
    public UUID id() {
        return id;
    }
}
