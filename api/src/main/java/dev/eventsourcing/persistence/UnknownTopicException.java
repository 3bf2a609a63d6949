package dev.eventsourcing.persistence;

/**
 * A stored event's topic names no class that can be loaded, and no class was registered for it
 * in the {@link TopicRegistry}: the class was renamed, moved or deleted, or belongs to another
 * application. Register the old topic for the class that now reads it.
 */
public class UnknownTopicException extends MapperException {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public UnknownTopicException(String topic, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
    }

    /** The topic that could not be resolved. */
    public String topic() {
        return topic;
    }
}
