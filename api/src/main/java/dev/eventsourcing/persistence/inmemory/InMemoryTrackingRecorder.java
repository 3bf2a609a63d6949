package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Records tracking positions in memory, for projections whose views live in memory too.
 *
 * <p>Thread-safe. Positions of one upstream application only grow: a position that is not above
 * the highest recorded one fails with an {@link dev.eventsourcing.persistence.IntegrityException}
 * and is not stored. {@link #waitFor} sleeps until a position is recorded, without polling.
 */
public class InMemoryTrackingRecorder implements TrackingRecorder {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TrackingPositions positions = new TrackingPositions();
    private final Signal recorded = new Signal();

    @Override
    public void insertTracking(Tracking tracking) {
        Objects.requireNonNull(tracking, "tracking");
        lock.writeLock().lock();
        try {
            positions.check(tracking);
            positions.record(tracking);
        } finally {
            lock.writeLock().unlock();
        }
        recorded.fire();
    }

    @Override
    public long maxTrackingId(String applicationName) {
        lock.readLock().lock();
        try {
            return positions.max(applicationName);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void waitFor(String applicationName, Long notificationId, Duration timeout) {
        TrackingWait.waitFor(this, recorded, applicationName, notificationId, timeout);
    }
}
