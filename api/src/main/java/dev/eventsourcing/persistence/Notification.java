package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event together with its position {@code id} in its application's total order. Ids
 * start at 1 and increase; a reader that has seen id <i>n</i> never later sees a new
 * notification with an id below <i>n</i>.
 */
public record Notification(long id, UUID originatorId, long originatorVersion, String topic, byte[] state) {

    public Notification {
        if (id < 1) {
            throw new IllegalArgumentException("Notification id must be at least 1, was " + id);
        }
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
        state = Objects.requireNonNull(state, "state").clone();
    }

    /** Makes a notification from a stored event and the id it was given. */
    public static Notification of(long id, StoredEvent event) {
        return new Notification(id, event.originatorId(), event.originatorVersion(), event.topic(), event.state());
    }

    @Override
    public byte[] state() {
        return state.clone();
    }

    /** The stored event this notification carries. */
    public StoredEvent storedEvent() {
        return new StoredEvent(originatorId, originatorVersion, topic, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notification other
                && id == other.id
                && originatorVersion == other.originatorVersion
                && originatorId.equals(other.originatorId)
                && topic.equals(other.topic)
                && Arrays.equals(state, other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, originatorId, originatorVersion, topic) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "Notification[id=" + id + ", originatorId=" + originatorId + ", originatorVersion="
                + originatorVersion + ", topic=" + topic + ", state=" + state.length + " bytes]";
    }
}
