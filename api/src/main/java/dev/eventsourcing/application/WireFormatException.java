package dev.eventsourcing.application;

import dev.eventsourcing.EventSourcingException;

/** Text received as a notification log section is not in the wire format. */
public class WireFormatException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports text that is not a section in the wire format.
     *
     * @param message what is wrong with the text
     */
    public WireFormatException(String message) {
        super(message);
    }

    /**
     * Reports text that is not a section in the wire format, found by a failing parser.
     *
     * @param message what is wrong with the text
     * @param cause the parser's failure; may be null
     */
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
