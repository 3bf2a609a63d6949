package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An application's notification log, read in sections: what followers, projections and the HTTP
 * wire format read. The log may be in this process ({@link LocalNotificationLog}) or in another
 * deployment ({@link RemoteNotificationLog}); followers read both the same way.
 */
public interface NotificationLog {

    /** The section size used when none is configured. */
    int DEFAULT_SECTION_SIZE = 100;

    /** How many empty sections in a row {@link #read} follows before it ends. */
    int MAX_EMPTY_SECTIONS_READ = 64;

    /**
     * The notifications with ids from {@code start} to {@code start + limit - 1}, ascending, and
     * the start of the next section ({@code null} when the log holds nothing more yet). A
     * section may hold fewer than {@code limit} notifications where ids have gaps; its
     * {@code next} is then at most {@code start + limit}, and always above the last id returned
     * (or at least {@code start} when none is), so that a reader moves forward a window at a
     * time and can check every answer ({@link SectionBounds}).
     *
     * @param start the first id to return; at least 1
     * @param limit how many at most; from 1 to {@link #sectionSize()}
     * @return the section, empty (with or without {@code next}) when no id of the window is
     *         recorded
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range
     */
    Section select(long start, int limit);

    /** @return the most notifications a section holds, at least 1 */
    int sectionSize();

    /**
     * Checks the arguments of {@link #select} against a log's section size.
     *
     * @param start the first id asked for
     * @param limit how many notifications were asked for
     * @param sectionSize the log's section size
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range
     */
    static void checkSelection(long start, int limit, int sectionSize) {
        if (start < 1) {
            throw new IllegalArgumentException("start must be at least 1, was " + start);
        }
        if (limit < 1 || limit > sectionSize) {
            throw new IllegalArgumentException("limit must be from 1 to " + sectionSize + ", was " + limit);
        }
    }

    /**
     * Every notification from id {@code start} on that is recorded by the time iteration reaches
     * it, read a section at a time. Iteration ends where the log holds nothing more yet: at a
     * section without {@code next}, at an empty one whose {@code next} does not move forward, or
     * after {@value #MAX_EMPTY_SECTIONS_READ} empty sections in a row (a gap that wide, or a log
     * that answers empty sections forever, is left to the next read), so that a remote log can
     * never keep a reader asking in a loop.
     *
     * @param start the first id to read; values below 1 read from 1
     * @return notifications ascending by id, each iteration reading the log afresh; empty when
     *         nothing from {@code start} on is recorded yet
     */
    default Iterable<Notification> read(long start) {
        return () -> new Iterator<>() {
            private long asked = Math.max(1, start);
            private Section section = select(asked, sectionSize());
            private int index;
            private int empty;

            @Override
            public boolean hasNext() {
                while (index == section.items().size()) {
                    Long next = section.next();
                    empty = section.items().isEmpty() ? empty + 1 : 0;
                    if (next == null || (section.items().isEmpty() && next <= asked) || empty >= MAX_EMPTY_SECTIONS_READ) {
                        return false;
                    }
                    asked = next;
                    section = select(asked, sectionSize());
                    index = 0;
                }
                return true;
            }

            @Override
            public Notification next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return section.items().get(index++);
            }
        };
    }
}
