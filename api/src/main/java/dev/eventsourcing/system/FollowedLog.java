package dev.eventsourcing.system;

import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A notification log that a reader follows: the log of an application of this runner, a
 * {@link NotificationLog} of another deployment, or the positions of a DCB application
 * ({@link DecisionLog}). Its name keys the reader's tracking positions and parked
 * notifications, and it decodes its notifications (with its mapper).
 */
interface FollowedLog {

    /** The name under which the reader records its position in this log. */
    String name();

    /**
     * Decodes a notification of this log.
     *
     * @throws RuntimeException when it cannot be decoded (an unknown topic, another key, corrupt state)
     */
    Decoded decode(Notification notification);

    /**
     * The class a topic of this log names, without decoding anything.
     *
     * @throws RuntimeException when the topic names no class the log's mapper knows
     */
    Class<?> eventType(String topic);

    /** Whether the log is read in sections whose end is not known here (another deployment's). */
    boolean remote();

    /**
     * The notifications with ids above {@code position}, ascending, at most {@code limit} of
     * them; empty when the log holds nothing more yet.
     */
    List<Notification> after(long position, int limit);

    /**
     * The notifications of the topics with ids above {@code position}, ascending, at most
     * {@code limit} of them, and how far the log was read: the reader may move its position
     * there, past notifications of other topics it was not given. This default reads
     * {@link #after} and reaches the last id returned; a log that filters where it reads
     * overrides it.
     *
     * @param topics the topics to keep; empty for every topic
     */
    default Batch read(long position, int limit, Set<String> topics) {
        List<Notification> items = after(position, limit);
        return new Batch(items, items.isEmpty() ? position : items.get(items.size() - 1).id());
    }

    /**
     * The topics a reader of these event types reads from this log ({@link ObservedTopics});
     * empty, for every topic, where the log cannot filter by topic.
     */
    default Set<String> topicsOf(Set<Class<?>> types) {
        return Set.of();
    }

    /**
     * What one read of a log returned.
     *
     * @param items the notifications of the kept topics, ascending
     * @param reached the id up to which the log was read: no kept notification lies between the
     *                last item (or the position read from) and it; at least the last item's id
     */
    record Batch(List<Notification> items, long reached) {

        public Batch {
            items = List.copyOf(items);
        }

        /** The id of the last notification, or the given position when there is none. */
        long lastId(long position) {
            return items.isEmpty() ? position : items.get(items.size() - 1).id();
        }
    }

    /**
     * The last notification id known in the log: an application's maximum id now; for a log of
     * another deployment, the highest id its reads have returned (0 before any).
     */
    long end();

    /** The notification with this id, if the log holds it. */
    default Notification get(long id) {
        List<Notification> found = after(id - 1, 1);
        if (found.isEmpty() || found.get(0).id() != id) {
            throw new IllegalArgumentException("The log '" + name() + "' holds no notification " + id);
        }
        return found.get(0);
    }

    /** The log of an application of this runner, read from its recorder (one query per batch). */
    static FollowedLog of(Application application) {
        return new Local(application);
    }

    /** The positions of a DCB application, whose decisions a projection observes. */
    static FollowedLog decisions(DcbApplication application) {
        return new DecisionLog(application);
    }

    /** A log of another deployment, known here as {@code name}. */
    static FollowedLog remote(String name, NotificationLog log, Mapper mapper) {
        return new Remote(name, log, mapper);
    }

    /** An application's log, read straight from its recorder. */
    record Local(Application application) implements FollowedLog {

        public Local {
            Objects.requireNonNull(application, "application");
        }

        @Override
        public String name() {
            return application.name();
        }

        @Override
        public Decoded decode(Notification notification) {
            return Decoded.of(application.mapper(), notification);
        }

        @Override
        public Class<?> eventType(String topic) {
            return application.mapper().eventType(topic);
        }

        @Override
        public boolean remote() {
            return false;
        }

        @Override
        public long end() {
            return application.recorder().maxNotificationId();
        }

        @Override
        public List<Notification> after(long position, int limit) {
            return application.recorder().selectNotifications(NotificationSelection.after(position, limit));
        }

        /**
         * {@inheritDoc}
         *
         * <p>With topics the recorder filters them, up to the highest id it held before the
         * selection: every id up to that one was settled then (no id below it commits later), so
         * when fewer than {@code limit} come back the log was read up to it.
         */
        @Override
        public Batch read(long position, int limit, Set<String> topics) {
            if (topics.isEmpty()) {
                return FollowedLog.super.read(position, limit, topics);
            }
            long max = application.recorder().maxNotificationId();
            if (max <= position) {
                return new Batch(List.of(), position);
            }
            List<Notification> items = application.recorder()
                    .selectNotifications(NotificationSelection.after(position, limit).stop(max).topics(topics));
            Batch batch = new Batch(items, max);
            return items.size() < limit ? batch : new Batch(items, batch.lastId(position));
        }

        @Override
        public Set<String> topicsOf(Set<Class<?>> types) {
            return ObservedTopics.of(application.mapper(), types);
        }
    }

    /**
     * A log read in sections, such as another deployment's over HTTP. An empty section that names
     * a later start (a gap in the ids wider than a section) is followed, but at most
     * {@value #MAX_EMPTY_SECTIONS} of them per read: the place reached is remembered for the next
     * read from the same position, so a wide gap is crossed over a few polls while a log that
     * answers empty sections forever costs one burst of requests per poll, not a tight loop.
     */
    final class Remote implements FollowedLog {

        /** How many empty sections one read follows before it reports nothing new for now. */
        static final int MAX_EMPTY_SECTIONS = 16;

        private final String name;
        private final NotificationLog log;
        private final Mapper mapper;
        /** Where the last read stopped crossing a gap: {position, start}; reads of one worker do not overlap. */
        private volatile long[] crossing;
        private volatile long end;

        Remote(String name, NotificationLog log, Mapper mapper) {
            this.name = Objects.requireNonNull(name, "name");
            this.log = Objects.requireNonNull(log, "log");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Decoded decode(Notification notification) {
            return Decoded.of(mapper, notification);
        }

        @Override
        public Class<?> eventType(String topic) {
            return mapper.eventType(topic);
        }

        @Override
        public boolean remote() {
            return true;
        }

        /**
         * {@inheritDoc}
         *
         * @throws EventSourcingException when the log cannot be read, or answers with ids below
         *         the start asked for (a position then would be recorded twice)
         */
        @Override
        public List<Notification> after(long position, int limit) {
            return read(position, limit, Set.of()).items();
        }

        /**
         * {@inheritDoc}
         *
         * <p>The log is asked for the topics ({@link NotificationLog#select(long, int, Set)}), and
         * the log was read up to the id before the last section's {@code next}: the section's
         * bounds were checked, so that is never beyond the window asked for.
         */
        @Override
        public Batch read(long position, int limit, Set<String> topics) {
            long[] resume = crossing;
            long start = resume != null && resume[0] == position ? resume[1] : position + 1;
            crossing = null;
            int size = Math.min(limit, log.sectionSize());
            Section section = log.select(start, size, topics);
            for (int empty = 1; section.items().isEmpty() && section.next() != null && section.next() > start; empty++) {
                start = section.next();
                if (empty == MAX_EMPTY_SECTIONS) {
                    crossing = new long[] {position, start};
                    return new Batch(List.of(), topics.isEmpty() ? position : start - 1);
                }
                section = log.select(start, size, topics);
            }
            List<Notification> items = section.items();
            if (!items.isEmpty() && items.get(0).id() < start) {
                throw new EventSourcingException("The notification log '" + name + "' answered a section starting at id "
                        + items.get(0).id() + " when asked for ids from " + start);
            }
            // A read of some topics that crossed empty sections reached the id before its start:
            // each start came from a section's next, which lies past settled ids only.
            long last = !items.isEmpty() ? items.get(items.size() - 1).id() : topics.isEmpty() ? position : start - 1;
            end = Math.max(end, last);
            if (topics.isEmpty() || section.next() == null) {
                return new Batch(items, last);
            }
            // The section's next was checked: above the last id returned, at most the window's end + 1.
            end = Math.max(end, section.next() - 1);
            return new Batch(items, Math.max(position, section.next() - 1));
        }

        @Override
        public Set<String> topicsOf(Set<Class<?>> types) {
            return ObservedTopics.of(mapper, types);
        }

        @Override
        public long end() {
            return end;
        }

        @Override
        public String toString() {
            return "Remote[" + name + ", " + log + "]";
        }
    }
}
