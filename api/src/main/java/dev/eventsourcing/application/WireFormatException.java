package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

/** Text received as a notification log section is not in the wire format. */
public class WireFormatException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
