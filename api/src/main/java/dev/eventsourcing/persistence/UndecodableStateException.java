package dev.eventsourcing.persistence;

/**
 * A stored event's state bytes could not be decoded: they are not valid compressed data or
 * JSON, do not have the layout a {@link Mapper} writes, do not fit the class their topic names,
 * or come from a newer class version than the code that reads them.
 */
public class UndecodableStateException extends MapperException {
    private static final long serialVersionUID = 1L;

    /**
     * An undecodable state with no underlying error.
     *
     * @param message why the state could not be decoded, naming the stored event where known
     */
    public UndecodableStateException(String message) {
        super(message);
    }

    /**
     * An undecodable state that a decoder reported.
     *
     * @param message why the state could not be decoded, naming the stored event where known
     * @param cause   the decoder's error, or {@code null}
     */
    public UndecodableStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
