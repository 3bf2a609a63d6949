package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;

import java.util.List;

/**
 * Whether a section answers the request {@code select(start, limit)} it came back for: its ids
 * ascend strictly and lie in the requested window {@code [start, start + limit)}, and its
 * {@code next} (when given) is no lower than {@code start}, above the last id returned and no
 * higher than {@code start + limit}. A server vouches only for the window it was asked about;
 * a gap wider than a window is crossed with empty sections whose {@code next} is the window's
 * end (see {@link NotificationLog#select}).
 *
 * <p>This is what keeps a follower's position honest: an id beyond the window (a forged
 * {@code 9223372036854775807}, say) would otherwise become the follower's position and hide
 * everything below it, and a {@code next} that does not move would have it ask the same
 * question again and again.
 */
public final class SectionBounds {

    private SectionBounds() {
    }

    /**
     * Checks a section against its request.
     *
     * @param section the section that came back
     * @param start the {@code start} it was asked for with; at least 1
     * @param limit the {@code limit} it was asked for with; at least 1
     * @throws WireFormatException saying what was wrong (ids and numbers only, never state)
     */
    public static void check(Section section, long start, int limit) {
        long end = windowEnd(start, limit);
        List<Notification> items = section.items();
        if (items.size() > limit) {
            throw new WireFormatException(items.size() + " items, more than the limit " + limit);
        }
        long previous = start - 1;
        for (Notification item : items) {
            if (item.id() <= previous) {
                throw new WireFormatException(item.id() < start ? "id " + item.id() + " is below the start " + start
                        : "ids do not ascend: " + item.id() + " after " + previous);
            }
            if (item.id() > end) {
                throw new WireFormatException("id " + item.id() + " is beyond the requested ids " + start + " to " + end);
            }
            previous = item.id();
        }
        Long next = section.next();
        if (next != null) {
            if (next < start || next <= previous) {
                throw new WireFormatException("'next' " + next + " does not move forward from "
                        + (items.isEmpty() ? "the start " + start : "the last id " + previous));
            }
            if (next - 1 > end) { // next >= start >= 1, so next - 1 cannot overflow
                throw new WireFormatException("'next' " + next + " skips ids beyond the requested ids " + start
                        + " to " + end);
            }
        }
    }

    /**
     * The highest id a section may hold; saturates at {@link Long#MAX_VALUE} rather than overflows.
     *
     * @param start the first id asked for
     * @param limit how many ids were asked for; at least 1
     * @return {@code start + limit - 1}, or {@link Long#MAX_VALUE} when that overflows
     */
    public static long windowEnd(long start, int limit) {
        return start > Long.MAX_VALUE - limit ? Long.MAX_VALUE : start + limit - 1;
    }
}
