package dev.eventsourcing.persistence;

/**
 * Which events of one originator {@link AggregateRecorder#selectEvents} returns: versions after
 * {@code gt} (exclusive) up to {@code lte} (inclusive), ascending or descending, at most
 * {@code limit} of them. Start from {@link #all()} and narrow it:
 * {@code EventSelection.all().upTo(2).descending().limit(1)}.
 *
 * @param gt         the version the selection starts after, or {@code null} for no lower bound
 * @param lte        the highest version selected, or {@code null} for no upper bound
 * @param desc       whether the newest events come first
 * @param limit      the most events returned, or {@code null} for no limit; not negative
 */
public record EventSelection(Long gt, Long lte, boolean desc, Integer limit) {

    private static final EventSelection ALL = new EventSelection(null, null, false, null);

    /**
     * Checks the limit.
     *
     * @param gt    the version to start after, or {@code null}
     * @param lte   the highest version, or {@code null}
     * @param desc  whether the newest come first
     * @param limit the most events, or {@code null}; not negative
     * @throws IllegalArgumentException when the limit is negative
     */
    public EventSelection {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("Event selection limit must not be negative, was " + limit);
        }
    }

    /** @return the selection of every event of the originator, oldest first */
    public static EventSelection all() {
        return ALL;
    }

    /**
     * The same selection, starting after {@code version}.
     *
     * @param version the version the selection starts after (exclusive)
     * @return a new selection
     */
    public EventSelection after(long version) {
        return new EventSelection(version, lte, desc, limit);
    }

    /**
     * The same selection, ending at {@code version} (inclusive).
     *
     * @param version the highest version selected
     * @return a new selection
     */
    public EventSelection upTo(long version) {
        return new EventSelection(gt, version, desc, limit);
    }

    /** @return the same selection, newest first */
    public EventSelection descending() {
        return new EventSelection(gt, lte, true, limit);
    }

    /**
     * The same selection, returning at most {@code count} events.
     *
     * @param count the most events returned; not negative
     * @return a new selection
     * @throws IllegalArgumentException when the count is negative
     */
    public EventSelection limit(int count) {
        return new EventSelection(gt, lte, desc, count);
    }

    /**
     * Whether a version falls within the bounds of this selection (ignoring the limit).
     *
     * @param version an event's version
     * @return true when the version is after {@code gt} and at most {@code lte}
     */
    public boolean includes(long version) {
        return (gt == null || version > gt) && (lte == null || version <= lte);
    }
}
