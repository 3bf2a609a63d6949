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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

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
final class ProjectionWorker {

    private static final Logger LOG = Logger.getLogger(ProjectionWorker.class.getName());
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final ProjectionDefinition projection;
    private final Application application;
    private final TrackingRecorder tracking;
    private final DispatchTransactions transactions;
    private final Supplier<Object> instance;
    private final int batchSize;
    private final Duration retryDelay;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean stopped;
    private volatile long position = -1;
    private volatile Failure failure;

    private record Failure(long notificationId, String message, Instant at, int attempts, Instant retryAt) {
    }

    ProjectionWorker(ProjectionDefinition projection, Application application, TrackingRecorder tracking,
                     DispatchTransactions transactions, Supplier<Object> instance, Options options) {
        this.projection = projection;
        this.application = application;
        this.tracking = tracking;
        this.transactions = transactions;
        this.instance = instance;
        this.batchSize = options.batchSize();
        this.retryDelay = options.retryDelay();
    }

    /**
     * Processes the outstanding notifications in the calling thread, unless the last failure's
     * retry is not due yet (or {@code force}). Returns at once when the calling thread is already
     * running this worker (a handler that saves): the running loop picks up the new events.
     */
    void run(boolean force) {
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
        Failure last = failure;
        if (!force && last != null && Instant.now().isBefore(last.retryAt())) {
            return;
        }
        if (position < 0) {
            position = tracking.maxTrackingId(application.name());
        }
        while (!stopped) {
            List<Notification> batch = application.recorder()
                    .selectNotifications(NotificationSelection.after(position, batchSize));
            if (batch.isEmpty()) {
                failure = null;
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
            failure = null;
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
        Failure previous = failure;
        int attempts = previous != null && previous.notificationId() == notificationId ? previous.attempts() + 1 : 1;
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts - 1, 16));
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Instant now = Instant.now();
        long millis = delay.toMillis();
        failure = new Failure(notificationId, e.getClass().getName() + ": " + e.getMessage(), now, attempts, now.plus(delay));
        LOG.log(Level.WARNING, e, () -> "Projection '" + projection.name() + "' failed on "
                + (notificationId == 0 ? "reading the log" : "notification " + notificationId) + " of "
                + application.name() + " (attempt " + attempts + "); it retries in " + millis
                + " ms, and later notifications wait");
    }

    /** The projection's current status in this application's log. */
    ProjectionStatus status() {
        Failure last = failure;
        return new ProjectionStatus(projection.name(), application.name(), Math.max(position, 0),
                last == null ? 0 : last.notificationId(), last == null ? null : last.message(),
                last == null ? null : last.at(), last == null ? 0 : last.attempts());
    }

    /** Waits until the projection has processed the notification (through the tracking recorder). */
    void waitFor(long notificationId, Duration timeout) {
        tracking.waitFor(application.name(), notificationId, timeout);
    }

    ProjectionDefinition projection() {
        return projection;
    }

    Application application() {
        return application;
    }

    /** Stops at the next notification; a handler running now finishes. */
    void stop() {
        stopped = true;
    }

    /** Waits up to the timeout for a running handler to finish; true when none is running. */
    boolean awaitIdle(Duration timeout) {
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
