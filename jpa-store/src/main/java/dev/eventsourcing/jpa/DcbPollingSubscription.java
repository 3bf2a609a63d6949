package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.DcbSubscription;
import java.util.Deque;

/**
 * A DCB subscription that polls the recorder for pages of matching events, as
 * {@link PollingSubscription} polls a notification log: from 2 ms apart, doubling up to 50 ms
 * while nothing new matches, or up to {@link JpaSettings#pollInterval()} where announced commits
 * wake it; an announced commit ({@link CommitSignals}, on PostgreSQL) or {@link #stop()} wakes
 * a waiting {@link #hasNext()} at once. Each page is read up
 * to the recorder's bound, below which every position is settled, so continuing after it never
 * skips an event; when a page is not full, the next one starts after the bound, not after the
 * last match, so that events which do not match are not read again.
 */
final class DcbPollingSubscription extends PollingFeed<DcbSequencedEvent> implements DcbSubscription {

    static final int PAGE_SIZE = 100;

    private final JpaDcbRecorder recorder;
    private final DcbQuery query;
    private long scanned;

    DcbPollingSubscription(JpaDcbRecorder recorder, DcbQuery query, long after) {
        this.recorder = recorder;
        this.query = query;
        this.scanned = after;
    }

    // Its bound may stop below events committed after a position still in progress, which the
    // read cannot tell, so it never counts as settled.
    @Override
    boolean readPage(Deque<DcbSequencedEvent> page) {
        JpaDcbRecorder.DcbPage read = recorder.page(query, scanned, PAGE_SIZE);
        page.addAll(read.events());
        scanned = read.events().size() == PAGE_SIZE ? page.getLast().position() : Math.max(scanned, read.bound());
        return false;
    }
}
