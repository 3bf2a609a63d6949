package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.EventSelection;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Subscription;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An application recorder that tells the extension about each successful insert, so that it can
 * dispatch after commit. Everything else is the backend's recorder's.
 */
class NotifyingRecorder implements ApplicationRecorder {

    private final String applicationName;
    private final ApplicationRecorder delegate;
    private final CdiInfrastructure.Listener listener;

    NotifyingRecorder(String applicationName, ApplicationRecorder delegate, CdiInfrastructure.Listener listener) {
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public List<Long> insertEvents(List<StoredEvent> events) {
        List<Long> ids = delegate.insertEvents(events);
        if (!ids.isEmpty()) {
            listener.stored(applicationName, events, ids);
        }
        return ids;
    }

    @Override
    public List<StoredEvent> selectEvents(UUID originatorId, EventSelection selection) {
        return delegate.selectEvents(originatorId, selection);
    }

    @Override
    public List<Notification> selectNotifications(NotificationSelection selection) {
        return delegate.selectNotifications(selection);
    }

    @Override
    public long maxNotificationId() {
        return delegate.maxNotificationId();
    }

    @Override
    public Subscription subscribe(long gt, Set<String> topics) {
        return delegate.subscribe(gt, topics);
    }

    /** The backend's recorder. */
    ApplicationRecorder delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
