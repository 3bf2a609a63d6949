package dev.eventsourcing;

/**
 * A setting is missing, malformed or names something that does not exist. The message names
 * the setting and the offending value, so that the configuration can be fixed without
 * reading code.
 */
public class ConfigurationException extends EventSourcingException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a bad setting.
     *
     * @param message what is wrong, naming the setting and its value
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Reports a bad setting found while reading or using it.
     *
     * @param message what is wrong, naming the setting and its value
     * @param cause the failure that revealed it, such as a parse error; may be null
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
