package dev.eventsourcing.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * Divides the segments of a group of work among the nodes that share it, through leases kept in
 * the store that the nodes share: no coordinator outside it. A group is one reader following one
 * log (a projection or process application and its upstream application); its segments are the
 * parts of that log, by originator, that one node at a time processes.
 *
 * <p>Each live node calls {@link #renew} every fraction of the lease. A call records that the
 * node is alive, renews the leases of the segments it holds, gives back those beyond its fair
 * share (the segment count divided by the live nodes; when it does not divide evenly, rounded up
 * for the first nodes in the order of their ids and down for the others, so that the shares add
 * up to the count: see {@link LeaseShares#share}) so that a node that joins gets its share, and takes free or expired segments up to its fair share. A node that stops calling
 * loses its segments to the others once its leases expire. A segment is held by at most one
 * node at any time as the store sees it; a node that was paused for longer than its lease may
 * still believe it holds one, so what a segment's holder writes must be guarded by the reader's
 * tracking positions as well, which it is (a position is recorded once).
 *
 * <p>Times are the store's own (a database's clock), so nodes whose clocks differ agree on when a
 * lease expires.
 */
public interface LeaseRecorder {

    /**
     * One round of a node in a group, in one transaction: its membership and leases renewed,
     * what is beyond its fair share given back, free and expired segments taken up to it.
     *
     * @param group    the group, such as a reader's name and the log it follows; not blank
     * @param node     the node's id, unique to one run of one process; not blank
     * @param segments how many segments the group has; at least 1
     * @param lease    how long the membership and the leases last without renewal; positive
     * @return the segments (from 0) the node holds after the round, ascending
     * @throws IntegrityException when the group is recorded with another segment count
     */
    SortedSet<Integer> renew(String group, String node, int segments, Duration lease);

    /**
     * Gives back every segment of the node in the group and ends its membership, so that the
     * other nodes take its segments at their next round instead of after the lease: a node that
     * stops gracefully calls it. Does nothing when the node holds nothing.
     *
     * @param group the group
     * @param node  the node's id
     */
    void release(String group, String node);

    /**
     * The segment count recorded for the group by the first node that renewed in it.
     *
     * @param group the group
     * @return the count, or empty when no node ever renewed in the group
     */
    OptionalInt segments(String group);

    /**
     * Who holds each segment of the group now (unexpired leases only).
     *
     * @param group the group
     * @return node id by segment; a segment nobody holds is absent
     */
    Map<Integer, String> holders(String group);
}
