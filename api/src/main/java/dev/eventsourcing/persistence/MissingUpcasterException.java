package dev.eventsourcing.persistence;

/**
 * A stored event or snapshot has an older class version than its class, and no upcaster is
 * registered for one of the steps between them. Register the missing step in {@link Upcasters}.
 */
public class MissingUpcasterException extends MapperException {
    private static final long serialVersionUID = 1L;

    /** The class whose upcaster is missing. */
    private final Class<?> type;
    /** The version the missing upcaster would start from. */
    private final int fromVersion;

    /**
     * A missing upcaster step.
     *
     * @param type        the class whose upcaster is missing
     * @param fromVersion the version the missing step would upcast from
     * @param message     what could not be read and which step to register
     */
    public MissingUpcasterException(Class<?> type, int fromVersion, String message) {
        super(message);
        this.type = type;
        this.fromVersion = fromVersion;
    }

    /**
     * A missing upcaster step, found while handling another error.
     *
     * @param type        the class whose upcaster is missing
     * @param fromVersion the version the missing step would upcast from
     * @param message     what could not be read and which step to register
     * @param cause       the underlying error, or {@code null}
     */
    public MissingUpcasterException(Class<?> type, int fromVersion, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
        this.fromVersion = fromVersion;
    }

    /** @return the class whose upcaster is missing */
    public Class<?> type() {
        return type;
    }

    /** @return the version the missing upcaster would start from */
    public int fromVersion() {
        return fromVersion;
    }
}
