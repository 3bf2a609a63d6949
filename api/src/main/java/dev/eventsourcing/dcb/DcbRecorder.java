package dev.eventsourcing.dcb;

import java.util.List;
import java.util.OptionalLong;

/**
 * Stores DCB events in one total order of positions (from 1, ascending) and reads them back by
 * type and tag. Positions become visible in increasing order: a reader that has seen position
 * <i>n</i> never afterwards sees a newly committed event below <i>n</i>. Every backend passes the
 * same contract tests.
 */
public interface DcbRecorder {

    /** @return the highest position in the store, or empty when the store is empty */
    OptionalLong head();

    /**
     * Reads every matching event after a position.
     *
     * @param query what to select
     * @param after only events with a higher position; 0 for all
     * @return the events, ascending, and the store's head at the time of the read
     */
    DcbReadResponse read(DcbQuery query, long after);

    /**
     * Reads at most {@code limit} matching events after a position.
     *
     * @param query what to select
     * @param after only events with a higher position; 0 for all
     * @param limit the most events to return, 0 or more
     * @return the events, ascending, and the position of the last one returned as the head
     */
    DcbReadResponse read(DcbQuery query, long after, int limit);

    /**
     * Appends events without a condition, all or none; the batch's positions are consecutive and
     * never interleave with another batch's.
     *
     * @param events the events, at least one
     * @return the position of the last event appended
     * @throws IllegalArgumentException when {@code events} is empty
     */
    long append(List<DcbEvent> events);

    /**
     * Appends events if no event matching the condition's query was appended after its position;
     * all or none.
     *
     * @param events    the events, at least one
     * @param condition what must not have happened since the decision's read
     * @return the position of the last event appended
     * @throws DcbConditionFailedException when a matching event was appended after the position
     * @throws IllegalArgumentException    when {@code events} is empty
     */
    long append(List<DcbEvent> events, DcbAppendCondition condition);

    /**
     * Follows the store from a position: the matching events stored after it, then each new one.
     *
     * @param query what to deliver
     * @param after deliver events with a higher position; 0 for all
     * @return a feed to iterate and to close
     */
    DcbSubscription subscribe(DcbQuery query, long after);
}
