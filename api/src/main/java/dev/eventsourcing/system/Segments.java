package dev.eventsourcing.system;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.persistence.LeaseRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Divides a reader's work on one log into the segments its settings ask for, once the store
 * agrees: a group's segment count is recorded by its first lease round, and positions are kept
 * per segment, so the count can only grow from one (whose positions every segment starts from)
 * and never change afterwards. One query of the lease recorder per reader and log at start
 * checks that, also for one segment; a backend that keeps no leases serves one segment only.
 * The lease recorder is the one of the reader's infrastructure factory
 * ({@link dev.eventsourcing.persistence.InfrastructureFactory#leaseRecorder()}).
 */
final class Segments {

    private static final Logger LOG = Logger.getLogger(Segments.class.getName());

    private Segments() {
    }

    /**
     * The segments of the reader in the log: the whole log when one, else one per segment with
     * the node's leases of the group.
     *
     * @throws ConfigurationException when the count differs from the one the store records,
     *         the log is another deployment's or a DCB application's, its name holds {@value Segment#SEPARATOR}, or
     *         the backend keeps no leases
     */
    static List<Segment> of(String reader, FollowedLog log, RunnerSettings settings, ReaderFactories factories,
                            String node) {
        int count = settings.segments();
        String key = reader + "." + RunnerSettings.SEGMENTS;
        String group = SegmentLeases.group(reader, log.name());
        LeaseRecorder recorder = recorder(reader, factories, count, key);
        if (recorder != null) {
            check(reader, log, recorded(recorder, group, count), count, key, group);
        }
        if (count == 1) {
            return List.of(Segment.whole(log.name()));
        }
        if (log instanceof DecisionLog) {
            throw new ConfigurationException("Setting '" + key + "' is " + count + ", but '" + reader + "' follows the"
                    + " decisions of the DCB application '" + log.name() + "', which are read as one segment only: a"
                    + " decision has no single originator whose order a segment would keep; set '" + key + "=1'");
        }
        if (log.remote()) {
            throw new ConfigurationException("Setting '" + key + "' is " + count + ", but '" + reader + "' follows '"
                    + log.name() + "', a log of another deployment, which is read in sections as one segment only; set"
                    + " '" + key + "=1' or follow it with a reader of its own");
        }
        if (log.name().contains(Segment.SEPARATOR)) {
            throw new ConfigurationException("Setting '" + key + "' is " + count + ", but the name of the log '"
                    + log.name() + "' holds '" + Segment.SEPARATOR + "', which separates a log's name from the segment"
                    + " in the keys of the positions of a divided reader; rename the application");
        }
        SegmentLeases leases = new SegmentLeases(recorder, group, node, count, settings.lease());
        List<Segment> segments = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            segments.add(Segment.of(log.name(), index, leases));
        }
        return segments;
    }

    private static LeaseRecorder recorder(String reader, ReaderFactories factories, int count, String key) {
        try {
            return factories.leaseRecorder(reader);
        } catch (RuntimeException e) {
            if (count == 1) {
                return null; // nothing divided can have been recorded where no leases are kept
            }
            if (e instanceof ConfigurationException) {
                throw new ConfigurationException("Setting '" + key + "' is " + count + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * The count the store records; empty when it cannot be read now (the store may be starting):
     * an undivided reader then starts unchecked, as it always did, and a divided one learns of a
     * count mismatch at its lease rounds instead, which refuse it every segment.
     */
    private static OptionalInt recorded(LeaseRecorder recorder, String group, int count) {
        try {
            return recorder.segments(group);
        } catch (RuntimeException e) {
            LOG.log(count == 1 ? Level.FINE : Level.WARNING, () -> "The segment count of '" + group + "' could not be"
                    + " read at start (" + e + "); it is checked at the first lease round instead");
            return OptionalInt.empty();
        }
    }

    private static void check(String reader, FollowedLog log, OptionalInt recorded, int count, String key,
                              String group) {
        if (recorded.isEmpty() || recorded.getAsInt() == count) {
            return;
        }
        int was = recorded.getAsInt();
        throw new ConfigurationException("Setting '" + key + "' is " + count + ", but the store records that '" + reader
                + "' divides its work on '" + log.name() + "' into " + was + " segments (lease group '" + group
                + "'), each with positions of its own; a reader can be divided once, from one segment, and its count"
                + " not changed afterwards: set '" + key + "=" + was + "'");
    }
}
