package dev.eventsourcing.dcb.application;

import dev.eventsourcing.EventSourcingException;

/** No decision in the store carries the id of the enduring object asked for. */
public class EnduringObjectNotFoundException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /** The id that was looked up. */
    private final String id;

    /**
     * Reports that no decision carries an id.
     *
     * @param id   the id looked up
     * @param type the class of the object asked for
     */
    public EnduringObjectNotFoundException(String id, Class<?> type) {
        super("No " + type.getSimpleName() + " with id '" + id + "': no decision is tagged with it");
        this.id = id;
    }

    /** @return the id that was looked up */
    public String id() {
        return id;
    }
}
