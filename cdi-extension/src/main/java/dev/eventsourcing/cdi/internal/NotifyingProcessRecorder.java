package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;

import java.time.Duration;
import java.util.List;

/**
 * A process recorder that tells the extension about each successful insert, as
 * {@link NotifyingRecorder} does for applications: a process application's new events reach its
 * own followers and projections the same way.
 */
final class NotifyingProcessRecorder extends NotifyingRecorder implements ProcessRecorder {

    private final ProcessRecorder delegate;
    private final String applicationName;
    private final CdiInfrastructure.Listener listener;

    NotifyingProcessRecorder(String applicationName, ProcessRecorder delegate, CdiInfrastructure.Listener listener) {
        super(applicationName, delegate, listener);
        this.applicationName = applicationName;
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events, Tracking tracking) {
        List<Long> ids = delegate.insertEvents(events, tracking);
        if (!ids.isEmpty()) {
            listener.stored(applicationName, events, ids);
        }
        return ids;
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        return super.insertEvents(events);
    }

    @Override
    public void insertTracking(Tracking tracking) {
        delegate.insertTracking(tracking);
    }

    @Override
    public long maxTrackingId(String applicationName) {
        return delegate.maxTrackingId(applicationName);
    }

    @Override
    public boolean hasTrackingId(String applicationName, Long notificationId) {
        return delegate.hasTrackingId(applicationName, notificationId);
    }

    @Override
    public void waitFor(String applicationName, Long notificationId, Duration timeout) {
        delegate.waitFor(applicationName, notificationId, timeout);
    }
}
