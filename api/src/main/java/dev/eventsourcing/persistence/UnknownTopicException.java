package dev.eventsourcing.persistence;

/**
 * A stored event's topic names no class that the mapper knows (see {@link TopicRegistry}): the
 * class was not declared where the event is read (an application's {@code domainClasses()}, or
 * {@link Mapper.Builder#declare} for the mapper of another deployment's log), it was renamed or
 * moved (register its old topic), deleted, or the topic was forged. No class is ever looked up by
 * the topic's name, so nothing of the named class runs. The stored event is kept as it is; a
 * runner parks its notification (see {@code dev.eventsourcing.system.MultiThreadedRunner}).
 */
public class UnknownTopicException extends MapperException {
    private static final long serialVersionUID = 1L;

    /** The topic that could not be resolved. */
    private final String topic;

    /**
     * An unresolvable topic.
     *
     * @param topic   the topic as stored
     * @param message which stored event carries it and how to make it resolve
     * @param cause   the underlying error, or {@code null}
     */
    public UnknownTopicException(String topic, String message, Throwable cause) {
        super(message, cause);
        this.topic = topic;
    }

    /** @return the topic that could not be resolved, as stored */
    public String topic() {
        return topic;
    }
}
