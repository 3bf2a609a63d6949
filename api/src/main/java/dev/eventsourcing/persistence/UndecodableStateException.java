package dev.eventsourcing.persistence;

/**
 * A stored event's state bytes could not be decoded: they are not valid compressed data or
 * JSON, do not have the layout a {@link Mapper} writes, do not fit the class their topic names,
 * or come from a newer class version than the code that reads them.
 */
public class UndecodableStateException extends MapperException {
    private static final long serialVersionUID = 1L;

    public UndecodableStateException(String message) {
        super(message);
    }

    public UndecodableStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
