package dev.eventsourcing.persistence;

/**
 * A stored event or snapshot has an older class version than its class, and no upcaster is
 * registered for one of the steps between them. Register the missing step in {@link Upcasters}.
 */
public class MissingUpcasterException extends MapperException {
    private static final long serialVersionUID = 1L;

    private final Class<?> type;
    private final int fromVersion;

    public MissingUpcasterException(Class<?> type, int fromVersion, String message) {
        super(message);
        this.type = type;
        this.fromVersion = fromVersion;
    }

    public MissingUpcasterException(Class<?> type, int fromVersion, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.fromVersion = fromVersion;
    }

    /** The class whose upcaster is missing. */
    public Class<?> type() {
        return type;
    }

    /** The version the missing upcaster would start from. */
    public int fromVersion() {
        return fromVersion;
    }
}
