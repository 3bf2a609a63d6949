package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Feeds one application's notification log to one projection, exactly once and in order.
 *
 * <p>Each notification with a matching observer method is handled in a transaction of its own
 * that also records the projection's position ({@link Tracking}), so the view and the position
 * commit together. Notifications no method observes are passed over, and the position moves past
 * them in one write at the end of each batch. Runs are serialised by a lock, so prompts from
 * several threads never process one notification twice in this process; another process
 * recording the same position first makes the insert fail, and the worker then reloads its
 * position from the recorder (unique tracking key, see {@link TrackingRecorder}).
 *
 * <p>A failing handler stops the run at that notification (later ones wait: order matters); the
 * transaction rolls back, the failure is logged and shown in the {@link ProjectionStatus}, and
 * the notification is tried again after a delay that doubles up to a minute. Other projections
 * have workers of their own and go on.
 */
final class ProjectionWorker implements Worker {

    private final ProjectionDefinition projection;
    private final Application application;
    private final TrackingRecorder tracking;
    private final DispatchTransactions transactions;
    private final Supplier<Object> instance;
    private final int batchSize;
    private final Retry retry;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean stopped;
    private volatile long position = -1;

    ProjectionWorker(ProjectionDefinition projection, Application application, TrackingRecorder tracking,
                     DispatchTransactions transactions, Supplier<Object> instance, Options options) {
        this.projection = projection;
        this.application = application;
        this.tracking = tracking;
        this.transactions = transactions;
        this.instance = instance;
        this.batchSize = options.batchSize();
        this.retry = new Retry(projection.name(), options.retryDelay());
    }

    @Override
    public String name() {
        return projection.name();
    }

    @Override
    public String upstream() {
        return application.name();
    }

    /**
     * {@inheritDoc} Returns at once when the calling thread is already running this worker (a
     * handler that saves): the running loop picks up the new events.
     */
    @Override
    public void run(boolean force) {
        if (stopped || lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        try {
            process(force);
        } catch (RuntimeException | Error e) {
            failed(0, e);
        } finally {
            lock.unlock();
        }
    }

    private void process(boolean force) {
        if (!retry.due(force)) {
            return;
        }
        if (position < 0) {
            position = tracking.maxTrackingId(application.name());
        }
        while (!stopped) {
            List<Notification> batch = application.recorder()
                    .selectNotifications(NotificationSelection.after(position, batchSize));
            if (batch.isEmpty()) {
                retry.succeeded();
                return;
            }
            long passedOver = 0;
            for (Notification notification : batch) {
                if (stopped) {
                    break;
                }
                if (notification.id() <= position) {
                    continue;
                }
                DomainEvent<?> event = decode(notification);
                if (event == null) {
                    recordPassedOver(passedOver);
                    return;
                }
                List<ProjectionMethod> methods = projection.methodsFor(event.payload());
                if (methods.isEmpty()) {
                    passedOver = notification.id();
                } else if (!handle(notification, event, methods)) {
                    recordPassedOver(passedOver);
                    return;
                }
            }
            recordPassedOver(passedOver);
        }
    }

    private DomainEvent<?> decode(Notification notification) {
        try {
            return application.mapper().toDomainEvent(notification.storedEvent());
        } catch (RuntimeException e) {
            failed(notification.id(), e);
            return null;
        }
    }

    private boolean handle(Notification notification, DomainEvent<?> event, List<ProjectionMethod> methods) {
        try {
            transactions.inTransaction(entityManager -> {
                Object bean = instance.get();
                for (ProjectionMethod method : methods) {
                    method.invoke(bean, event, notification, entityManager);
                }
                tracking.insertTracking(new Tracking(application.name(), notification.id()));
                return null;
            });
            position = notification.id();
            retry.succeeded();
            return true;
        } catch (IntegrityException e) {
            if (reloadPosition() >= notification.id()) {
                return true; // another process handled it first, exactly once
            }
            failed(notification.id(), e);
            return false;
        } catch (RuntimeException | Error e) {
            failed(notification.id(), e);
            return false;
        }
    }

    private void recordPassedOver(long id) {
        if (id <= position) {
            return;
        }
        try {
            transactions.inTransaction(entityManager -> {
                tracking.insertTracking(new Tracking(application.name(), id));
                return null;
            });
            position = id;
        } catch (IntegrityException e) {
            reloadPosition();
        }
    }

    private long reloadPosition() {
        position = tracking.maxTrackingId(application.name());
        return position;
    }

    private void failed(long notificationId, Throwable e) {
        retry.failed(application.name(), notificationId, e);
    }

    @Override
    public ProjectionStatus status() {
        Retry.Failure last = retry.last();
        return new ProjectionStatus(projection.name(), application.name(), Math.max(position, 0),
                last == null ? 0 : last.notificationId(), last == null ? null : last.message(),
                last == null ? null : last.at(), last == null ? 0 : last.attempts());
    }

    @Override
    public void waitFor(long notificationId, Duration timeout) {
        tracking.waitFor(application.name(), notificationId, timeout);
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        try {
            if (lock.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                lock.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
