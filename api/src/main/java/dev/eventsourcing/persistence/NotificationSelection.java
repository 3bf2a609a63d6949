package dev.eventsourcing.persistence;

import java.util.Objects;
import java.util.Set;

/**
 * Which notifications {@link ApplicationRecorder#selectNotifications} returns: ascending by id,
 * from {@code start} (inclusive, or exclusive when {@code inclusiveOfStart} is false), at most
 * {@code limit} of them, none with an id above {@code stop}, and only the given topics when
 * {@code topics} is not empty.
 *
 * @param start            the first id to consider; ids below 1 mean "from the beginning"
 * @param limit            the most notifications returned; must be positive
 * @param stop             the highest id returned, or {@code null} for no upper bound
 * @param topics           the topics to keep; empty for all topics
 * @param inclusiveOfStart whether a notification with id {@code start} itself is returned
 */
public record NotificationSelection(long start, int limit, Long stop, Set<String> topics, boolean inclusiveOfStart) {

    /**
     * Checks the limit and copies the topics.
     *
     * @param start            the first id to consider
     * @param limit            the most notifications; at least 1
     * @param stop             the highest id, or {@code null}
     * @param topics           the topics to keep; not null, empty for all
     * @param inclusiveOfStart whether id {@code start} itself is returned
     * @throws IllegalArgumentException when the limit is below 1
     * @throws NullPointerException     when the topics are null
     */
    public NotificationSelection {
        if (limit < 1) {
            throw new IllegalArgumentException("Notification selection limit must be at least 1, was " + limit);
        }
        topics = Set.copyOf(Objects.requireNonNull(topics, "topics"));
    }

    /**
     * Up to {@code limit} notifications from id {@code start} inclusive, of every topic.
     *
     * @param start the first id returned; ids below 1 mean from the beginning
     * @param limit the most notifications returned; at least 1
     * @return a new selection
     * @throws IllegalArgumentException when the limit is below 1
     */
    public static NotificationSelection from(long start, int limit) {
        return new NotificationSelection(start, limit, null, Set.of(), true);
    }

    /**
     * Up to {@code limit} notifications with ids greater than {@code position}, of every topic.
     *
     * @param position the last id seen; 0 for the beginning
     * @param limit    the most notifications returned; at least 1
     * @return a new selection
     * @throws IllegalArgumentException when the limit is below 1
     */
    public static NotificationSelection after(long position, int limit) {
        return new NotificationSelection(position, limit, null, Set.of(), false);
    }

    /**
     * The same selection, returning no id above {@code id}.
     *
     * @param id the highest id returned
     * @return a new selection
     */
    public NotificationSelection stop(long id) {
        return new NotificationSelection(start, limit, id, topics, inclusiveOfStart);
    }

    /**
     * The same selection, keeping only notifications of the given topics.
     *
     * @param kept the topics to keep; not null, empty for all
     * @return a new selection
     * @throws NullPointerException when the topics are null
     */
    public NotificationSelection topics(Set<String> kept) {
        return new NotificationSelection(start, limit, stop, kept, inclusiveOfStart);
    }

    /** @return the same selection, leaving out a notification whose id is {@code start} */
    public NotificationSelection exclusiveOfStart() {
        return new NotificationSelection(start, limit, stop, topics, false);
    }

    /** @return the lowest id this selection can return, at least 1 */
    public long firstId() {
        // Saturate rather than overflow: "after Long.MAX_VALUE" must not wrap round to "from 1".
        return Math.max(1, inclusiveOfStart || start == Long.MAX_VALUE ? start : start + 1);
    }

    /**
     * Whether a notification with this id and topic passes the bounds and the topic filter.
     *
     * @param id    the notification's id
     * @param topic the notification's topic
     * @return true when the selection includes it (ignoring the limit)
     */
    public boolean includes(long id, String topic) {
        return id >= firstId() && (stop == null || id <= stop) && (topics.isEmpty() || topics.contains(topic));
    }
}
