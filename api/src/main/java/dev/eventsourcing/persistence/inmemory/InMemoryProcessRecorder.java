package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;

import java.time.Duration;
import java.util.List;

/**
 * Stores events, the notification log and tracking positions in memory, recording a batch of
 * events and the upstream position that produced it atomically.
 *
 * <p>Thread-safe. The events and the position are checked together before either is written:
 * a taken version or a position that is not above the highest recorded one fails the call
 * with an {@link dev.eventsourcing.persistence.IntegrityException}, and neither is stored.
 */
public class InMemoryProcessRecorder extends InMemoryApplicationRecorder implements ProcessRecorder {

    private final TrackingPositions positions = new TrackingPositions();
    private final Signal tracked = new Signal();

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        return insertEvents(events, null);
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events, Tracking tracking) {
        List<StoredEvent> batch = checkedBatch(events);
        List<Long> ids = writeLocked(() -> {
            checkVersionsAreFree(batch);
            if (tracking != null) {
                positions.check(tracking);
            }
            storeEvents(batch);
            List<Long> given = appendNotifications(batch);
            if (tracking != null) {
                positions.record(tracking);
            }
            return given;
        });
        notifyInserted(ids);
        if (tracking != null) {
            tracked.fire();
        }
        return ids;
    }

    @Override
    public long maxTrackingId(String applicationName) {
        return readLocked(() -> positions.max(applicationName));
    }

    @Override
    public void waitFor(String applicationName, Long notificationId, Duration timeout) {
        TrackingWait.waitFor(this, tracked, applicationName, notificationId, timeout);
    }
}
