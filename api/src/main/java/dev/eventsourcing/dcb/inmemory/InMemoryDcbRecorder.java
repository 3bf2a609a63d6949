package dev.eventsourcing.dcb.inmemory;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.DcbSubscription;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps DCB events in this JVM's memory, indexed by tag and by type.
 *
 * <p>Thread-safe. An append checks its condition and the ids of its events, then takes the next
 * consecutive positions, all under one write lock: a batch is stored whole or not at all, batches
 * never interleave, and positions become visible strictly in order, so a reader never sees a gap
 * that is filled later. Two events with the same id (stored already, or twice in one batch) fail
 * the append with an {@link dev.eventsourcing.persistence.IntegrityException}. Subscriptions sleep
 * until an append; they do not poll. Nothing survives the JVM.
 */
public final class InMemoryDcbRecorder implements DcbRecorder {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final EventLog log = new EventLog();
    private final ReentrantLock appendedLock = new ReentrantLock();
    private final Condition appended = appendedLock.newCondition();
    // Written under the write lock, read by waiting subscriptions without it.
    private volatile long committedHead;

    /** An empty store. */
    public InMemoryDcbRecorder() {
    }

    @Override
    public OptionalLong head() {
        long head = readLocked(log::head);
        return head == 0 ? OptionalLong.empty() : OptionalLong.of(head);
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after) {
        checkRead(query, after, 0);
        return readLocked(() -> {
            long head = log.head();
            return new DcbReadResponse(log.select(query, after, Integer.MAX_VALUE),
                    head == 0 ? OptionalLong.empty() : OptionalLong.of(head));
        });
    }

    @Override
    public DcbReadResponse read(DcbQuery query, long after, int limit) {
        checkRead(query, after, limit);
        List<DcbSequencedEvent> events = readLocked(() -> log.select(query, after, limit));
        return new DcbReadResponse(events,
                events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.get(events.size() - 1).position()));
    }

    @Override
    public long append(List<DcbEvent> events) {
        return store(checkedBatch(events), null);
    }

    @Override
    public long append(List<DcbEvent> events, DcbAppendCondition condition) {
        return store(checkedBatch(events), Objects.requireNonNull(condition, "condition"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Iterate the subscription from one thread; stop it from any. Interrupting the iterating
     * thread while it waits stops the subscription too (and keeps the thread's interrupt status).
     */
    @Override
    public DcbSubscription subscribe(DcbQuery query, long after) {
        checkRead(query, after, 0);
        return new InMemoryDcbSubscription(this, query, after);
    }

    /**
     * The next page of a subscription: up to {@code limit} matching events after {@code after},
     * and the position up to which the log was scanned (the head when the page is short).
     */
    Page page(DcbQuery query, long after, int limit) {
        return readLocked(() -> {
            List<DcbSequencedEvent> events = log.select(query, after, limit);
            long scanned = events.size() < limit ? Math.max(after, log.head()) : events.get(events.size() - 1).position();
            return new Page(events, scanned);
        });
    }

    /** Waits until an event above {@code position} is committed or the subscription is stopped. */
    void awaitAppendAfter(long position, InMemoryDcbSubscription subscription) throws InterruptedException {
        appendedLock.lock();
        try {
            while (committedHead <= position && !subscription.isStopped()) {
                appended.await();
            }
        } finally {
            appendedLock.unlock();
        }
    }

    /** Wakes every waiting subscription, so that the stopped ones can end. */
    void wakeSubscriptions() {
        appendedLock.lock();
        try {
            appended.signalAll();
        } finally {
            appendedLock.unlock();
        }
    }

    private long store(List<DcbEvent> batch, DcbAppendCondition condition) {
        long head = writeLocked(() -> {
            if (condition != null && !log.select(condition.failIfEventsMatch(), condition.after(), 1).isEmpty()) {
                throw new DcbConditionFailedException(condition);
            }
            log.checkIdsAreNew(batch);
            batch.forEach(log::add);
            committedHead = log.head();
            return log.head();
        });
        wakeSubscriptions();
        return head;
    }

    private static List<DcbEvent> checkedBatch(List<DcbEvent> events) {
        List<DcbEvent> batch = List.copyOf(Objects.requireNonNull(events, "events"));
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("An append needs at least one event");
        }
        return batch;
    }

    private static void checkRead(DcbQuery query, long after, int limit) {
        Objects.requireNonNull(query, "query");
        if (after < 0) {
            throw new IllegalArgumentException("after must be 0 or more, not " + after);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
    }

    private <T> T writeLocked(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T readLocked(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A page of a subscription and how far it scanned. */
    record Page(List<DcbSequencedEvent> events, long scannedUpTo) {
    }
}
