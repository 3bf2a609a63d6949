package dev.eventsourcing.projection;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.Subscription;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a projection of one application in the background: catches up from the projection's last
 * recorded position, then follows new notifications as they are committed. A failure stops the
 * runner and is rethrown by {@link #waitFor} and {@link #close}, never swallowed.
 */
public final class ProjectionRunner implements AutoCloseable {

    private static final Duration FAILURE_CHECK = Duration.ofMillis(50);

    private final Application upstream;
    private final Projection projection;
    private final Subscription subscription;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Throwable failure;

    /** Starts the projection on a daemon thread of its own. */
    public ProjectionRunner(Application upstream, Projection projection) {
        this(upstream, projection, task -> {
            Thread thread = new Thread(task, "projection-" + projection.name());
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts the projection on the given executor (a container's managed executor, say). */
    public ProjectionRunner(Application upstream, Projection projection, Executor executor) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.projection = Objects.requireNonNull(projection, "projection");
        long position = projection.trackingRecorder().maxTrackingId(upstream.name());
        this.subscription = upstream.recorder().subscribe(position, projection.topics());
        executor.execute(this::run);
    }

    private void run() {
        try {
            while (subscription.hasNext()) {
                Notification notification = subscription.next();
                try {
                    projection.process(upstream.mapper().toDomainEvent(notification.storedEvent()),
                            new Tracking(upstream.name(), notification.id()));
                } catch (RuntimeException | Error e) {
                    failure = new ProjectionFailedException("Projection " + projection.name() + " failed on notification "
                            + notification.id() + " of " + upstream.name() + ": " + e, e);
                    subscription.stop();
                }
            }
        } catch (RuntimeException e) {
            failure = new ProjectionFailedException("Projection " + projection.name() + " could not read "
                    + upstream.name() + ": " + e, e);
        } finally {
            finished.countDown();
        }
    }

    /**
     * Waits until the projection has processed the upstream notification with this id. With a
     * topic filter, a notification of another topic counts as processed once a later one of the
     * projection's topics is.
     *
     * @throws ProjectionFailedException when the projection failed (before or while waiting)
     * @throws WaitTimeoutException      when the timeout passes first
     */
    public void waitFor(long notificationId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            rethrowFailure();
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new WaitTimeoutException("Projection " + projection.name() + " has not processed notification "
                        + notificationId + " of " + upstream.name() + " within " + timeout);
            }
            // Wait in short slices so that a failure ends the wait at once.
            Duration slice = left.compareTo(FAILURE_CHECK) < 0 ? left : FAILURE_CHECK;
            try {
                projection.trackingRecorder().waitFor(upstream.name(), notificationId, slice);
                rethrowFailure();
                return;
            } catch (WaitTimeoutException sliceOver) {
                // not yet: look at the failure again, then wait more
            }
        }
    }

    /** Stops following the log and waits for the runner to finish; rethrows a failure. */
    @Override
    public void close() {
        subscription.stop();
        try {
            if (!finished.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Projection " + projection.name() + " did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof ProjectionFailedException e) {
            throw new ProjectionFailedException(e.getMessage(), e.getCause());
        }
    }
}
