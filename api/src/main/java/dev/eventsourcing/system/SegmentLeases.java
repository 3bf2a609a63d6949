package dev.eventsourcing.system;

import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.LeaseRecorder;

import java.time.Duration;
import java.util.Collections;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The leases this node holds in one group: one reader following one log, divided into segments.
 * A {@link #round} renews them through the {@link LeaseRecorder} and says which segments it
 * gained; the workers of the others return at once until a round gives them back.
 *
 * <p>A node believes it holds a segment only for a lease after the round that granted it: a
 * node whose rounds fail (its store unreachable, its executor stalled) stops processing before
 * another node may take its segments over. A node paused past that point may still be inside a
 * batch; that overlap is harmless, because the segment's tracking position is claimed in the
 * batch's transaction, so one of two writers of a segment always loses.
 */
final class SegmentLeases {

    private static final Logger LOG = Logger.getLogger(SegmentLeases.class.getName());

    private final LeaseRecorder recorder;
    private final String group;
    private final String node;
    private final int count;
    private final Duration lease;
    // Read by every run of the group's workers: a snapshot, so that no run waits for a round's store call.
    private volatile Holding holding = new Holding(Collections.emptySortedSet(), 0);
    private volatile boolean released;
    private long lastRound;    // System.nanoTime() of the last round begun; guarded by this
    private boolean refused;   // the count was refused, and said so once; guarded by this

    /** The segments granted by a round, and when that round began (of {@link System#nanoTime}). */
    private record Holding(SortedSet<Integer> segments, long grantedAt) {
    }

    SegmentLeases(LeaseRecorder recorder, String group, String node, int count, Duration lease) {
        this.recorder = recorder;
        this.group = group;
        this.node = node;
        this.count = count;
        this.lease = lease;
    }

    /** The group of a reader following a log: {@code <reader>#<log>}. */
    static String group(String reader, String log) {
        return reader + Segment.SEPARATOR + log;
    }

    String group() {
        return group;
    }

    int count() {
        return count;
    }

    /** How often a node renews: every third of the lease, so that one late round loses nothing. */
    Duration renewal() {
        return lease.dividedBy(3);
    }

    /** Whether this node holds the segment now. */
    boolean holds(int segment) {
        Holding now = holding;
        return !released && now.segments().contains(segment) && System.nanoTime() - now.grantedAt() < lease.toNanos();
    }

    /** The segments this node holds now, ascending. */
    SortedSet<Integer> held() {
        SortedSet<Integer> now = new TreeSet<>();
        for (int segment : holding.segments()) {
            if (holds(segment)) {
                now.add(segment);
            }
        }
        return now;
    }

    /** Runs a round when a {@link #renewal()} has passed since the last one began. */
    SortedSet<Integer> roundIfDue() {
        synchronized (this) {
            if (lastRound != 0 && System.nanoTime() - lastRound < renewal().toNanos()) {
                return Collections.emptySortedSet();
            }
        }
        return round();
    }

    /**
     * Renews this node's leases and takes its share.
     *
     * @return the segments gained in this round (to be prompted), ascending; empty when the
     *         round failed, which it logs
     */
    synchronized SortedSet<Integer> round() {
        if (released) {
            return Collections.emptySortedSet();
        }
        long began = System.nanoTime();
        lastRound = began;
        SortedSet<Integer> now;
        try {
            now = recorder.renew(group, node, count, lease);
        } catch (IntegrityException e) {
            if (!refused) {
                refused = true;
                LOG.severe(() -> "'" + group + "' is divided into " + recordedCount() + " segments in the store, but"
                        + " this node is set to " + count + "; it processes none of them: " + e.getMessage());
            }
            return Collections.emptySortedSet();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "Node '" + node + "' could not renew its leases in '" + group + "' (" + e
                    + "); it stops processing its segments once they expire");
            return Collections.emptySortedSet();
        }
        SortedSet<Integer> gained = new TreeSet<>(now);
        gained.removeAll(held());
        SortedSet<Integer> lost = new TreeSet<>(holding.segments());
        lost.removeAll(now);
        // The store's leases began no earlier than this round did: counted from here, this node
        // believes it holds them no longer than the store grants them.
        holding = new Holding(Collections.unmodifiableSortedSet(new TreeSet<>(now)), began);
        if (!gained.isEmpty() || !lost.isEmpty()) {
            LOG.fine(() -> "Node '" + node + "' holds segments " + now + " of '" + group + "' (gained " + gained
                    + ", gave back or lost " + lost + ")");
        }
        return gained;
    }

    private String recordedCount() {
        try {
            OptionalInt recorded = recorder.segments(group);
            return recorded.isPresent() ? String.valueOf(recorded.getAsInt()) : "another number of";
        } catch (RuntimeException e) {
            return "another number of";
        }
    }

    /** Gives this node's segments back, so that other nodes take them at their next round. */
    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        holding = new Holding(Collections.emptySortedSet(), 0);
        try {
            recorder.release(group, node);
        } catch (RuntimeException e) {
            LOG.info(() -> "Node '" + node + "' could not give back its segments of '" + group + "' (" + e
                    + "); the other nodes take them over when the leases expire");
        }
    }
}
