package dev.eventsourcing.persistence;

/**
 * The recorder was used or set up wrongly: a missing table, a bad schema name, SQL the
 * database rejects. Retrying will not help; the configuration must change.
 */
public class ProgrammingException extends RecorderException {
    private static final long serialVersionUID = 1L;

    /**
     * A misuse or misconfiguration the backend reported.
     *
     * @param message what was rejected
     * @param cause   the backend's error, or {@code null}
     */
    public ProgrammingException(String message, Throwable cause) {
        super(message, cause);
    }
}
