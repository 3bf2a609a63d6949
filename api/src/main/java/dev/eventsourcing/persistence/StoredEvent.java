package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A domain event as a recorder stores it: who it belongs to, at which version, the topic that
 * names its class, and its state as bytes made by a {@link Mapper}.
 *
 * <p>The state array is copied in and out, so a stored event can never be changed after it is
 * made.
 */
public record StoredEvent(UUID originatorId, long originatorVersion, String topic, byte[] state) {

    public StoredEvent {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
        state = Objects.requireNonNull(state, "state").clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent other
                && originatorVersion == other.originatorVersion
                && originatorId.equals(other.originatorId)
                && topic.equals(other.topic)
                && Arrays.equals(state, other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(originatorId, originatorVersion, topic) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "StoredEvent[originatorId=" + originatorId + ", originatorVersion=" + originatorVersion
                + ", topic=" + topic + ", state=" + state.length + " bytes]";
    }
}
