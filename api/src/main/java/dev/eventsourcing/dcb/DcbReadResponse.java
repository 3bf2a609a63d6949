package dev.eventsourcing.dcb;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a read returns: the matching events, ascending by position, and the head to pass back as
 * {@link DcbAppendCondition#after()} when appending a decision made on them.
 *
 * @param events the matching events, ascending, without duplicates
 * @param head   without a limit: the highest position in the store when it was read, even if no
 *               event matched (empty for an empty store); with a limit: the position of the last
 *               event returned (empty when none was)
 */
public record DcbReadResponse(List<DcbSequencedEvent> events, OptionalLong head) {

    /**
     * Copies the list.
     *
     * @param events the matching events, ascending
     * @param head   the head to pass back as {@code after}
     */
    public DcbReadResponse {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        Objects.requireNonNull(head, "head");
    }

    /** @return the head, or 0 when there is none: the {@code after} of a condition on this read */
    public long after() {
        return head.orElse(0);
    }
}
