package dev.eventsourcing.application;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The notification log of an application in this process, read from its recorder, each
 * notification made {@linkplain Mapper#portable portable}: a personal event readable without
 * the application's subject keys, or marked shredded when its subject's key is gone.
 */
public final class LocalNotificationLog implements NotificationLog {

    private final ApplicationRecorder recorder;
    private final int sectionSize;
    private final Mapper mapper;
    private final Transactions transactions;
    // The highest id a read of this log has found stored: a hint that a window ending below it
    // is full, to be read in one statement (see readFull). Only a hint, so a racing write of a
    // lower value does no harm.
    private volatile long knownMax;

    /**
     * The log of the recorder's notifications, with the application's mapper; each section is
     * read in as many units of work as the recorder makes it (prefer the constructor taking the
     * backend's transactions).
     *
     * @param recorder the application's recorder, read for every section; not null
     * @param sectionSize the most notifications a section holds; at least 1
     * @param mapper the application's mapper, which makes each notification portable; not null
     * @throws IllegalArgumentException when {@code sectionSize} is below 1
     */
    public LocalNotificationLog(ApplicationRecorder recorder, int sectionSize, Mapper mapper) {
        this(recorder, sectionSize, mapper, Transactions.NONE);
    }

    /**
     * The log of the recorder's notifications, with the application's mapper, each section read
     * in one unit of work of the backend's transactions (the caller's, when one is active).
     *
     * @param recorder the application's recorder, read for every section; not null
     * @param sectionSize the most notifications a section holds; at least 1
     * @param mapper the application's mapper, which makes each notification portable; not null
     * @param transactions the transactions that the recorder joins; not null
     * @throws IllegalArgumentException when {@code sectionSize} is below 1
     */
    public LocalNotificationLog(ApplicationRecorder recorder, int sectionSize, Mapper mapper,
                                Transactions transactions) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("Section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only ids in {@code [start, start + limit)} are returned, so that a remote reader can
     * check the answer ({@link SectionBounds}). {@code next} is the id after that window when the
     * recorder held a higher id before the selection (every id of the window was then settled
     * and returned, so the window's end is safe to skip to, across a gap); else the id after the
     * last one returned when the recorder held a higher one; else {@code null}.
     */
    @Override
    public Section select(long start, int limit) {
        return select(start, limit, Set.of());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The recorder filters by topic where it reads. When the highest id the recorder held
     * before the selection lies in the window beyond the last kept notification, {@code next} is
     * the id after it: every id up to it was settled, and none of them between is of a kept topic.
     */
    @Override
    public Section select(long start, int limit, Set<String> topics) {
        NotificationLog.checkSelection(start, limit, sectionSize);
        Set<String> kept = NotificationLog.checkTopics(topics);
        long end = SectionBounds.windowEnd(start, limit);
        return transactions.active() ? read(start, limit, end, kept)
                : transactions.inNewTransaction(unitOfWork -> read(start, limit, end, kept));
    }

    private Section read(long start, int limit, long end, Set<String> kept) {
        if (kept.isEmpty() && end < knownMax && limit < Integer.MAX_VALUE) {
            Section full = readFull(start, limit, end);
            if (full != null) {
                return full;
            }
        }
        return readBounded(start, limit, end, kept);
    }

    // A window inside the log, as a reader catching up asks for, in one statement instead of
    // two: the window and the id after it. When all of those ids come back, every id of the
    // window is returned and a higher id is stored, which is all that the highest id would tell
    // (next is the id after the window). The recorder vouches for what it returns as for any
    // selection, so nothing returned can be passed by a notification committed later. Else (a
    // gap, or an id not settled yet) the read starts again as readBounded: one statement lost.
    private Section readFull(long start, int limit, long end) {
        List<Notification> found = recorder.selectNotifications(NotificationSelection.from(start, limit + 1)
                .stop(end + 1));
        return found.size() <= limit ? null : new Section(portable(found.subList(0, limit)), end + 1);
    }

    // One unit of work: the highest id and the selection share a transaction (and a connection)
    // instead of committing one each. The order is what the no-skip argument needs, and it
    // holds in one transaction too: the highest id is read first, so an id committed after it
    // cannot count as settled; the selection then sees at least what that read saw (a fresh
    // snapshot per statement at READ COMMITTED, the same snapshot at REPEATABLE READ).
    private Section readBounded(long start, int limit, long end, Set<String> kept) {
        long max = recorder.maxNotificationId();
        if (max > knownMax) {
            knownMax = max;
        }
        List<Notification> items = portable(recorder.selectNotifications(NotificationSelection.from(start, limit)
                .stop(end).topics(kept)));
        long last = items.isEmpty() ? start - 1 : items.get(items.size() - 1).id();
        // Without topics, max >= start means max was returned, so "max + 1" is "last + 1" as ever.
        Long next = max > end ? Long.valueOf(end + 1) : last < max ? Long.valueOf(max + 1) : null;
        return new Section(items, next);
    }

    private List<Notification> portable(List<Notification> notifications) {
        List<Notification> items = new ArrayList<>(notifications.size());
        for (Notification notification : notifications) {
            items.add(mapper.portable(notification));
        }
        return items;
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }
}
