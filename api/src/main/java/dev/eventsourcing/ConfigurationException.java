package dev.eventsourcing;

/**
 * A setting is missing, malformed or names something that does not exist. The message names
 * the setting and the offending value, so that the configuration can be fixed without
 * reading code.
 */
public class ConfigurationException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
