package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Feeds one notification log to one projection, exactly once and in order: the log of an
 * application of this deployment, or one of another deployment read over HTTP
 * ({@link FollowedLog}); either way the position is keyed by the log's name.
 *
 * <p>With a backend that has transactions (JPA), a batch of notifications is handled in one
 * transaction that also records the projection's position ({@link Tracking}) after the batch, so
 * the view and the position commit together. When that fails, and on the in-memory store always,
 * each notification with a matching observer method is handled in a transaction of its own with
 * its position; notifications no method observes are passed over, and the position moves past
 * them in one write at the end of the batch. Runs are serialised by a lock, so prompts from
 * several threads never process one notification twice in this process. Across processes, each
 * transaction first records the position after the last one it knows of (its claim): two
 * processes handling overlapping parts of the log both claim the same position, the recorder's
 * unique key fails one of them, and that one reloads its position and selects again (see
 * {@link TrackingRecorder}).
 *
 * <p>A failing handler stops the run at that notification (later ones wait: order matters); the
 * transaction rolls back, the failure is logged and shown in the {@link ProjectionStatus}, and
 * the notification is tried again after a delay that doubles up to a minute. Other projections
 * have workers of their own and go on. A log that cannot be read (another deployment that is
 * down) ends the run the same way, with no notification to blame, and is read again after the
 * same delays.
 */
final class ProjectionWorker extends SerialWorker {

    private final ProjectionDefinition projection;
    private final FollowedLog log;
    private final TrackingRecorder tracking;
    private final DispatchTransactions transactions;
    private final Supplier<Object> instance;
    private final int batchSize;
    private final Retry retry;
    private volatile long position = -1;

    ProjectionWorker(ProjectionDefinition projection, FollowedLog log, TrackingRecorder tracking,
                     DispatchTransactions transactions, Supplier<Object> instance, Options options) {
        this.projection = projection;
        this.log = log;
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
        return log.name();
    }

    @Override
    void crashed(Throwable e) {
        failed(0, e);
    }

    @Override
    void process(boolean force) {
        if (!retry.due(force)) {
            return;
        }
        if (position < 0) {
            position = tracking.maxTrackingId(log.name());
        }
        while (!stopped()) {
            List<Notification> batch = log.after(position, batchSize);
            if (batch.isEmpty()) {
                retry.succeeded();
                readToEnd();
                return;
            }
            if (transactions.atomic() && retry.last() == null && handleAll(batch)) {
                continue;
            }
            if (!handleEach(batch)) {
                return;
            }
        }
    }

    /** Handles a batch one notification at a time; false when a failure ends the run. */
    private boolean handleEach(List<Notification> batch) {
        long passedOver = 0;
        for (Notification notification : batch) {
            if (stopped()) {
                break;
            }
            DomainEvent<?> event = decode(notification);
            if (event == null) {
                recordPassedOver(passedOver);
                return false;
            }
            List<ProjectionMethod> methods = projection.methodsFor(event.payload());
            if (methods.isEmpty()) {
                passedOver = notification.id();
                continue;
            }
            Outcome outcome = handle(notification, event, methods);
            if (outcome == Outcome.FAILED) {
                recordPassedOver(passedOver);
                return false;
            }
            if (outcome == Outcome.MOVED) {
                return true; // select again from the position another process recorded
            }
        }
        recordPassedOver(passedOver);
        return true;
    }

    private enum Outcome { HANDLED, MOVED, FAILED }

    /**
     * Handles a whole batch in one transaction that records the positions of its first and last
     * notifications: far fewer commits than one per notification. Only where the backend rolls
     * back (JPA): on any failure nothing of the batch remains, and the caller goes through the
     * batch one notification at a time, which finds the failing one.
     */
    private boolean handleAll(List<Notification> batch) {
        long first = batch.get(0).id();
        long last = batch.get(batch.size() - 1).id();
        try {
            transactions.inTransaction(entityManager -> {
                // Claim the batch by its first position before any handler runs. A transaction
                // passes the recorder's "above the highest" check only when its first id is the
                // committed highest + 1, so two processes whose batches overlap both insert that
                // same key and one of them fails: recording only the last position would let two
                // batches of different lengths commit side by side, each handling the overlap.
                tracking.insertTracking(new Tracking(log.name(), first));
                Object bean = null;
                for (Notification notification : batch) {
                    DomainEvent<?> event = log.mapper().toDomainEvent(notification.storedEvent());
                    for (ProjectionMethod method : projection.methodsFor(event.payload())) {
                        bean = bean != null ? bean : instance.get();
                        method.invoke(bean, event, notification, entityManager);
                    }
                }
                if (last != first) {
                    tracking.insertTracking(new Tracking(log.name(), last));
                }
                return null;
            });
            position = last;
            return true;
        } catch (IntegrityException e) {
            return reloadPosition() >= first; // another process took the batch: select again
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private DomainEvent<?> decode(Notification notification) {
        try {
            return log.mapper().toDomainEvent(notification.storedEvent());
        } catch (RuntimeException e) {
            failed(notification.id(), e);
            return null;
        }
    }

    private Outcome handle(Notification notification, DomainEvent<?> event, List<ProjectionMethod> methods) {
        long claim = position + 1; // see handleAll: passed-over notifications before this one count
        try {
            transactions.inTransaction(entityManager -> {
                if (claim < notification.id()) {
                    tracking.insertTracking(new Tracking(log.name(), claim));
                }
                Object bean = instance.get();
                for (ProjectionMethod method : methods) {
                    method.invoke(bean, event, notification, entityManager);
                }
                tracking.insertTracking(new Tracking(log.name(), notification.id()));
                return null;
            });
            position = notification.id();
            retry.succeeded();
            return Outcome.HANDLED;
        } catch (IntegrityException e) {
            if (reloadPosition() >= claim) {
                return Outcome.MOVED; // another process recorded this part of the log first
            }
            failed(notification.id(), e);
            return Outcome.FAILED;
        } catch (RuntimeException | Error e) {
            failed(notification.id(), e);
            return Outcome.FAILED;
        }
    }

    private void recordPassedOver(long id) {
        if (id <= position) {
            return;
        }
        try {
            transactions.inTransaction(entityManager -> {
                tracking.insertTracking(new Tracking(log.name(), id));
                return null;
            });
            position = id;
        } catch (IntegrityException e) {
            reloadPosition();
        }
    }

    private long reloadPosition() {
        position = tracking.maxTrackingId(log.name());
        return position;
    }

    private void failed(long notificationId, Throwable e) {
        retry.failed(log.name(), notificationId, e);
    }

    @Override
    public ProjectionStatus status() {
        Retry.Failure last = retry.last();
        return new ProjectionStatus(projection.name(), log.name(), Math.max(position, 0),
                last == null ? 0 : last.notificationId(), last == null ? null : last.message(),
                last == null ? null : last.at(), last == null ? 0 : last.attempts());
    }

    @Override
    public void waitFor(long notificationId, Duration timeout) {
        tracking.waitFor(log.name(), notificationId, timeout);
    }
}
