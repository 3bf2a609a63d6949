package dev.eventsourcing.application;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An application's notification log, read in sections: what followers, projections and the HTTP
 * wire format read. Sections hold at most {@link #sectionSize()} notifications.
 */
public final class NotificationLog {

    /** The section size used when none is configured. */
    public static final int DEFAULT_SECTION_SIZE = 100;

    private final ApplicationRecorder recorder;
    private final int sectionSize;

    public NotificationLog(ApplicationRecorder recorder, int sectionSize) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("Section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
    }

    /**
     * The notifications from id {@code start} on, at most {@code limit} of them.
     *
     * @param start the first id to return; at least 1
     * @param limit how many at most; from 1 to {@link #sectionSize()}
     * @throws IllegalArgumentException when {@code start} or {@code limit} is out of range
     */
    public Section select(long start, int limit) {
        if (start < 1) {
            throw new IllegalArgumentException("start must be at least 1, was " + start);
        }
        if (limit < 1 || limit > sectionSize) {
            throw new IllegalArgumentException("limit must be from 1 to " + sectionSize + ", was " + limit);
        }
        List<Notification> items = recorder.selectNotifications(NotificationSelection.from(start, limit));
        long last = items.isEmpty() ? start - 1 : items.get(items.size() - 1).id();
        Long next = last < recorder.maxNotificationId() ? last + 1 : null;
        return new Section(items, next);
    }

    /** The most notifications a section holds. */
    public int sectionSize() {
        return sectionSize;
    }

    /**
     * Every notification from id {@code start} on that is recorded by the time iteration reaches
     * it, read a section at a time.
     */
    public Iterable<Notification> read(long start) {
        return () -> new Iterator<>() {
            private Section section = select(Math.max(1, start), sectionSize);
            private int index;

            @Override
            public boolean hasNext() {
                while (index == section.items().size()) {
                    if (section.next() == null) {
                        return false;
                    }
                    section = select(section.next(), sectionSize);
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
