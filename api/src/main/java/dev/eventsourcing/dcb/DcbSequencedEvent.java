package dev.eventsourcing.dcb;

import java.util.Objects;

/**
 * An event with the position the recorder gave it.
 *
 * @param event    the event
 * @param position its place in the store's total order: from 1, ascending
 */
public record DcbSequencedEvent(DcbEvent event, long position) {

    /**
     * Refuses a {@code null} event and a position below 1.
     *
     * @param event    the event
     * @param position its place in the total order, from 1
     */
    public DcbSequencedEvent {
        Objects.requireNonNull(event, "event");
        if (position < 1) {
            throw new IllegalArgumentException("A position starts at 1, not " + position);
        }
    }
}
