package dev.eventsourcing.dcb;

import dev.eventsourcing.persistence.CommitWatch;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Stores DCB events in one total order of positions (from 1, ascending) and reads them back by
 * type and tag. Positions become visible in increasing order: a reader that has seen position
 * <i>n</i> never afterwards sees a newly committed event below <i>n</i>, so a {@code head} is
 * never ahead of a position still to commit. A batch's positions are consecutive; a refused
 * append stores nothing, but may leave a gap before the next batch's positions (a database
 * sequence does not take back the values a rolled-back transaction drew).
 *
 * <p>An event's id is unique in the store: an append holding an id that is stored already, or
 * twice in its own batch, fails with an {@link dev.eventsourcing.persistence.IntegrityException}
 * and stores nothing. Every backend passes the same contract tests ({@code DcbRecorderTestCase}
 * in the api test-jar).
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
     * @throws IllegalArgumentException when {@code after} is negative
     */
    DcbReadResponse read(DcbQuery query, long after);

    /**
     * Reads at most {@code limit} matching events after a position.
     *
     * @param query what to select
     * @param after only events with a higher position; 0 for all
     * @param limit the most events to return, 0 or more
     * @return the events, ascending, and the position of the last one returned as the head
     * @throws IllegalArgumentException when {@code after} or {@code limit} is negative
     */
    DcbReadResponse read(DcbQuery query, long after, int limit);

    /**
     * Appends events without a condition, all or none; the batch's positions are consecutive and
     * never interleave with another batch's.
     *
     * @param events the events, at least one
     * @return the position of the last event appended
     * @throws IllegalArgumentException when {@code events} is empty
     * @throws dev.eventsourcing.persistence.IntegrityException when an event's id is stored already
     *                                  or appears twice in the batch
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
     * @throws dev.eventsourcing.persistence.IntegrityException when an event's id is stored already
     *                                     or appears twice in the batch
     */
    long append(List<DcbEvent> events, DcbAppendCondition condition);

    /**
     * Follows the store from a position: the matching events stored after it, then each new one.
     *
     * @param query what to deliver
     * @param after deliver events with a higher position; 0 for all
     * @return a feed to iterate and to close
     * @throws IllegalArgumentException when {@code after} is negative
     */
    DcbSubscription subscribe(DcbQuery query, long after);

    /**
     * Calls {@code listener} soon after a transaction that appended to this store has committed,
     * in this process or in another one that shares it, where the backend can be told of such
     * commits; a prompt to read, with the same terms as
     * {@link dev.eventsourcing.persistence.ApplicationRecorder#watchCommits}.
     *
     * @param listener what to call after such commits; not null
     * @return the registration, to close when the calls are no longer wanted;
     *         {@link CommitWatch#NONE} where the backend cannot tell (the default)
     */
    default CommitWatch watchCommits(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        return CommitWatch.NONE;
    }
}
