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
 *
 * @param id                the notification's position in its application's log, from 1
 * @param originatorId      the aggregate the event belongs to
 * @param originatorVersion the event's version within its aggregate
 * @param topic             the topic naming the event's class, as stored
 * @param state             the event's encoded state (copied in and out); empty when shredded
 * @param shredded          whether the event's personal data was shredded, leaving no state
 */
public record Notification(long id, UUID originatorId, long originatorVersion, String topic, byte[] state,
                           boolean shredded) {

    /**
     * Checks the components and copies the state.
     *
     * @param id                the position in the log; at least 1
     * @param originatorId      the aggregate; not null
     * @param originatorVersion the event's version
     * @param topic             the event's topic; not null
     * @param state             the encoded state; not null, and empty when shredded
     * @param shredded          whether the personal data was shredded
     * @throws IllegalArgumentException when the id is below 1, or a shredded notification is
     *                                  given a non-empty state
     * @throws NullPointerException     when the originator id, topic or state is null
     */
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

    /**
     * A notification whose state is readable (not shredded).
     *
     * @param id                the notification's position in the log, from 1
     * @param originatorId      the aggregate the event belongs to
     * @param originatorVersion the event's version within its aggregate
     * @param topic             the topic naming the event's class
     * @param state             the event's encoded state, copied
     */
    public Notification(long id, UUID originatorId, long originatorVersion, String topic, byte[] state) {
        this(id, originatorId, originatorVersion, topic, state, false);
    }

    /**
     * Makes a notification from a stored event and the id it was given.
     *
     * @param id    the event's position in the log, from 1
     * @param event the stored event
     * @return a readable (not shredded) notification of the event
     */
    public static Notification of(long id, StoredEvent event) {
        return new Notification(id, event.originatorId(), event.originatorVersion(), event.topic(), event.state());
    }

    /**
     * The same notification with its state dropped, because its personal data was shredded.
     *
     * @return a shredded copy, or this notification when it is shredded already
     */
    public Notification asShredded() {
        return shredded ? this : new Notification(id, originatorId, originatorVersion, topic, new byte[0], true);
    }

    /** @return a copy of the event's encoded state; empty when shredded */
    @Override
    public byte[] state() {
        return state.clone();
    }

    /** @return the stored event this notification carries, without its id */
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
