package dev.eventsourcing.system;

import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A leader that a {@link ProcessApplication} pulls from: its log, the mapper that decodes it,
 * and the topics of the event types the policy observes, so that a pull reads only those, as
 * the runners' workers do ({@link Worker}), filtered where the log is stored.
 */
final class FollowedLeader {

    /**
     * How many reads in a row that return nothing yet move on a pull makes in a remote log before
     * it leaves the rest to the next pull: as many empty sections as {@link NotificationLog#read}
     * follows, so that a log answering empty sections forever cannot keep a pull going.
     */
    static final int MAX_EMPTY_REMOTE_READS =
            NotificationLog.MAX_EMPTY_SECTIONS_READ / FollowedLog.Remote.MAX_EMPTY_SECTIONS;

    private final NotificationLog log;
    private final Mapper mapper;
    private final FollowedLog followed;
    /** Worked out at the first pull, once the applications have declared their classes. */
    private volatile Set<String> topics;
    /**
     * Where a pull stopped crossing a run of other topics in a remote log: {the last position it
     * gave, the id read up to}. A later pull from that same position goes on from there; one
     * from anywhere else (the notification given was not recorded) reads again.
     */
    private volatile long[] crossed;

    FollowedLeader(NotificationLog log, Mapper mapper, FollowedLog followed) {
        this.log = Objects.requireNonNull(log, "log");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.followed = Objects.requireNonNull(followed, "followed");
    }

    Mapper mapper() {
        return mapper;
    }

    /**
     * The notifications after the position that a policy observing these types is given, in
     * order, read lazily a section at a time: every one when the types cannot be filtered by
     * topic (see {@link ObservedTopics}), else those of the types' topics only.
     */
    Iterable<Notification> after(long position, Set<Class<?>> observedTypes) {
        Set<String> kept = topics;
        if (kept == null) {
            kept = followed.topicsOf(observedTypes);
            topics = kept;
        }
        if (kept.isEmpty()) {
            return log.read(position + 1);
        }
        Set<String> selected = kept;
        return () -> new Kept(position, selected);
    }

    private long resumed(long position) {
        long[] stopped = crossed;
        return stopped != null && stopped[0] == position ? stopped[1] : position;
    }

    /** The kept notifications, one read of the followed log at a time, up to its end for now. */
    private final class Kept implements Iterator<Notification> {

        private final Set<String> topics;
        private long position;
        private long given;
        private List<Notification> items = List.of();
        private int index;
        private int emptyReads;
        private boolean ended;

        Kept(long position, Set<String> topics) {
            this.given = position;
            this.position = resumed(position);
            this.topics = topics;
        }

        @Override
        public boolean hasNext() {
            while (index == items.size() && !ended) {
                FollowedLog.Batch batch = followed.read(position, log.sectionSize(), topics);
                long reached = Math.max(batch.reached(), batch.lastId(position));
                emptyReads = batch.items().isEmpty() ? emptyReads + 1 : 0;
                // A read that moved nowhere found the end of the log for now; a remote log is
                // also left after a bounded run of reads that kept nothing.
                boolean crossing = followed.remote() && emptyReads >= MAX_EMPTY_REMOTE_READS;
                ended = reached <= position || crossing;
                position = Math.max(position, reached);
                if (crossing) {
                    crossed = new long[] {given, position};
                }
                items = batch.items();
                index = 0;
            }
            return index < items.size();
        }

        @Override
        public Notification next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Notification next = items.get(index++);
            given = next.id();
            return next;
        }
    }
}
