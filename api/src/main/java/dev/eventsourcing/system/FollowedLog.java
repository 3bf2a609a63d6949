package dev.eventsourcing.system;

import dev.eventsourcing.EventSourcingException;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;

import java.util.List;
import java.util.Objects;

/**
 * A notification log that a reader follows: the log of an application of this runner, or a
 * {@link NotificationLog} of another deployment. Its name keys the reader's tracking positions
 * and parked notifications, and its mapper decodes its events.
 */
interface FollowedLog {

    /** The name under which the reader records its position in this log. */
    String name();

    /** Decodes the log's stored events. */
    Mapper mapper();

    /** Whether the log is read in sections whose end is not known here (another deployment's). */
    boolean remote();

    /**
     * The notifications with ids above {@code position}, ascending, at most {@code limit} of
     * them; empty when the log holds nothing more yet.
     */
    List<Notification> after(long position, int limit);

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
        public Mapper mapper() {
            return application.mapper();
        }

        @Override
        public boolean remote() {
            return false;
        }

        @Override
        public List<Notification> after(long position, int limit) {
            return application.recorder().selectNotifications(NotificationSelection.after(position, limit));
        }
    }

    /** A log read in sections, such as another deployment's over HTTP. */
    record Remote(String name, NotificationLog log, Mapper mapper) implements FollowedLog {

        public Remote {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(mapper, "mapper");
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
            long start = position + 1;
            int size = Math.min(limit, log.sectionSize());
            Section section = log.select(start, size);
            // The wire format allows an empty section that still names a next start (a server
            // may page by id ranges across a gap); follow it rather than stop there.
            while (section.items().isEmpty() && section.next() != null && section.next() > start) {
                start = section.next();
                section = log.select(start, size);
            }
            List<Notification> items = section.items();
            if (!items.isEmpty() && items.get(0).id() < start) {
                throw new EventSourcingException("The notification log '" + name + "' answered a section starting at id "
                        + items.get(0).id() + " when asked for ids from " + start);
            }
            return items;
        }
    }
}
