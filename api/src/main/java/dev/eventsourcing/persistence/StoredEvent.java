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
 *
 * @param originatorId      the aggregate the event belongs to
 * @param originatorVersion the event's version within its aggregate
 * @param topic             the topic naming the event's class (see {@link TopicRegistry})
 * @param state             the encoded, maybe compressed and encrypted, state
 */
public record StoredEvent(UUID originatorId, long originatorVersion, String topic, byte[] state) {

    /**
     * Checks the components and copies the state.
     *
     * @param originatorId      the aggregate; not null
     * @param originatorVersion the event's version
     * @param topic             the topic; not null
     * @param state             the state; not null
     * @throws NullPointerException when the originator id, topic or state is null
     */
    public StoredEvent {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
        state = Objects.requireNonNull(state, "state").clone();
    }

    /** @return a copy of the state */
    @Override
    public byte[] state() {
        return state.clone();
    }

    // The state itself, not a copy, for the mapper's reads in this package, which never change
    // it: a replay reads thousands of states, and copying each twice more cost as much as
    // reading its header.
    byte[] sharedState() {
        return state;
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
