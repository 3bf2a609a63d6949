package dev.eventsourcing.system;

import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.UUID;

/**
 * The part of a followed log that one worker processes: the notifications of the originators
 * whose {@code Math.floorMod(hash(originatorId), count)} is {@code index}, where the hash folds
 * the id's 128 bits into 32 by exclusive or ({@link #hash}: the value {@link UUID#hashCode}
 * returns on OpenJDK, computed here because the JDK does not promise it). Every node, whatever
 * its JVM, therefore puts an originator in the same segment, and all of one originator's
 * notifications in one segment: their order is kept however the segments move between nodes.
 *
 * <p>Each segment records its position under a key of its own, {@code <log>#<index>/<count>}
 * ({@code Bank#3/8}); one segment (the default) records it under the log's name, as an
 * unsegmented reader always did. A segment with no position of its own yet starts from the
 * log's name's position: what a reader recorded before it was divided, which covers every
 * notification below it for every segment alike.
 */
final class Segment {

    /** Separates a log's name from the segment in a tracking key; a segmented log's name may not hold it. */
    static final String SEPARATOR = "#";

    final int index;
    final int count;
    /** The key of the segment's positions in the reader's tracking recorder. */
    final String key;
    private final String log;
    private final SegmentLeases leases;

    private Segment(String log, int index, int count, SegmentLeases leases) {
        this.log = log;
        this.index = index;
        this.count = count;
        this.key = count == 1 ? log : key(log, index, count);
        this.leases = leases;
    }

    /** The whole log, always held: one segment. */
    static Segment whole(String log) {
        return new Segment(log, 0, 1, null);
    }

    /** One of the segments of a log, held while the node's leases say so. */
    static Segment of(String log, int index, SegmentLeases leases) {
        return new Segment(log, index, leases.count(), leases);
    }

    /** The tracking key of a segment of a log. */
    static String key(String log, int index, int count) {
        return log + SEPARATOR + index + "/" + count;
    }

    /** Whether the originator's notifications belong to this segment. */
    boolean contains(UUID originatorId) {
        return count == 1 || Math.floorMod(hash(originatorId), count) == index;
    }

    /**
     * The originator's hash, the same on every JVM: the exclusive or of the id's four 32-bit
     * words. Part of the stored data's meaning (it decides which segment's position covers an
     * originator), so it must never change.
     */
    static int hash(UUID originatorId) {
        long folded = originatorId.getMostSignificantBits() ^ originatorId.getLeastSignificantBits();
        return (int) (folded >> 32) ^ (int) folded;
    }

    /** Whether this node processes the segment now. */
    boolean held() {
        return leases == null || leases.holds(index);
    }

    /** The lease group, or null for the whole log. */
    SegmentLeases leases() {
        return leases;
    }

    /**
     * The segment's position: its own, else (before its first write) the position recorded
     * before the log was divided.
     */
    long position(TrackingRecorder tracking) {
        long own = tracking.maxTrackingId(key);
        return own == 0 && count > 1 ? tracking.maxTrackingId(log) : own;
    }

    /**
     * Waits until the segment has processed the log up to the notification id.
     *
     * @throws WaitTimeoutException when it has not within the timeout
     */
    void waitFor(TrackingRecorder tracking, long notificationId, Duration timeout) {
        if (count > 1 && tracking.maxTrackingId(key) == 0 && tracking.maxTrackingId(log) >= notificationId) {
            return; // covered by the position recorded before the log was divided
        }
        tracking.waitFor(key, notificationId, timeout);
    }

    @Override
    public String toString() {
        return key;
    }
}
