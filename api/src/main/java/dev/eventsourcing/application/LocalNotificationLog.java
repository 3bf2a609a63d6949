package dev.eventsourcing.application;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;

import java.util.List;
import java.util.Objects;

/**
 * The notification log of an application in this process, read from its recorder.
 */
public final class LocalNotificationLog implements NotificationLog {

    private final ApplicationRecorder recorder;
    private final int sectionSize;

    public LocalNotificationLog(ApplicationRecorder recorder, int sectionSize) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("Section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code next} is the id after the last one returned while the recorder holds a higher
     * id, and {@code null} otherwise.
     */
    @Override
    public Section select(long start, int limit) {
        NotificationLog.checkSelection(start, limit, sectionSize);
        List<Notification> items = recorder.selectNotifications(NotificationSelection.from(start, limit));
        long last = items.isEmpty() ? start - 1 : items.get(items.size() - 1).id();
        Long next = last < recorder.maxNotificationId() ? last + 1 : null;
        return new Section(items, next);
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }
}
