package dev.eventsourcing.dcb;

import java.util.Objects;

/**
 * The condition of a conditional append: no event that matches {@code failIfEventsMatch} has a
 * position after {@code after}. A command passes the query it decided on and the head of the read
 * it decided on; the append then fails if anything it would have seen was appended since.
 *
 * @param failIfEventsMatch the events whose appearance after {@code after} makes the append fail;
 *                          {@link DcbQuery#all()} makes it an expected-head check on the whole store
 * @param after             the position the decision read up to; 0 when it read an empty store
 */
public record DcbAppendCondition(DcbQuery failIfEventsMatch, long after) {

    /**
     * Refuses a {@code null} query and a negative position.
     *
     * @param failIfEventsMatch the events whose appearance after {@code after} makes the append fail
     * @param after             the position the decision read up to
     */
    public DcbAppendCondition {
        Objects.requireNonNull(failIfEventsMatch, "failIfEventsMatch");
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or more, not " + after);
        }
    }
}
