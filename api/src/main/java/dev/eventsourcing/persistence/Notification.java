package dev.eventsourcing.persistence;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored event together with its position {@code id} in its application's total order. Ids
 * start at 1 and increase; a reader that has seen id <i>n</i> never later sees a new
 * notification with an id below <i>n</i>.
 *
 * <p>A <em>shredded</em> notification carries an event whose personal data was shredded (see
 * {@link dev.eventsourcing.domain.PersonalData}): its id, originator id, version and topic stay,
 * its state is gone (empty), and readers receive it as a
 * {@link dev.eventsourcing.projection.ShreddedEvent} instead of decoding it.
 */
public record Notification(long id, UUID originatorId, long originatorVersion, String topic, byte[] state,
                           boolean shredded) {

    public Notification {
        if (id < 1) {
            throw new IllegalArgumentException("Notification id must be at least 1, was " + id);
        }
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(topic, "topic");
        state = Objects.requireNonNull(state, "state").clone();
        if (shredded && state.length > 0) {
            throw new IllegalArgumentException("A shredded notification carries no state, was given " + state.length
                    + " bytes");
        }
    }

    /** A notification whose state is readable (not shredded). */
    public Notification(long id, UUID originatorId, long originatorVersion, String topic, byte[] state) {
        this(id, originatorId, originatorVersion, topic, state, false);
    }

    /** Makes a notification from a stored event and the id it was given. */
    public static Notification of(long id, StoredEvent event) {
        return new Notification(id, event.originatorId(), event.originatorVersion(), event.topic(), event.state());
    }

    /** The same notification with its state dropped, because its personal data was shredded. */
    public Notification asShredded() {
        return shredded ? this : new Notification(id, originatorId, originatorVersion, topic, new byte[0], true);
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
                && shredded == other.shredded
                && originatorId.equals(other.originatorId)
                && topic.equals(other.topic)
                && Arrays.equals(state, other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, originatorId, originatorVersion, topic, shredded) * 31 + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "Notification[id=" + id + ", originatorId=" + originatorId + ", originatorVersion="
                + originatorVersion + ", topic=" + topic + (shredded ? ", shredded" : ", state=" + state.length + " bytes")
                + "]";
    }
}
