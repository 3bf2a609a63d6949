package dev.eventsourcing.cdi.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last failure of a worker and when to try again: after the configured delay, doubling with
 * each failure of the same notification, up to a minute. Failures are logged at WARNING.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class.getName());
    private static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private final String reader;
    private final Duration delay;
    private volatile Failure last;

    /** A failure: of a notification ({@code notificationId} above 0) or of reading the log (0). */
    record Failure(long notificationId, String message, Instant at, int attempts, Instant retryAt) {
    }

    Retry(String reader, Duration delay) {
        this.reader = reader;
        this.delay = delay;
    }

    /** Whether a run may go ahead now. */
    boolean due(boolean force) {
        Failure failure = last;
        return force || failure == null || !Instant.now().isBefore(failure.retryAt());
    }

    /** Forgets the failure: the last attempt succeeded. */
    void succeeded() {
        last = null;
    }

    /** Records and logs a failure. */
    void failed(String upstream, long notificationId, Throwable e) {
        Failure previous = last;
        int attempts = previous != null && previous.notificationId() == notificationId ? previous.attempts() + 1 : 1;
        Duration wait = delay.multipliedBy(1L << Math.min(attempts - 1, 16));
        if (wait.compareTo(MAX_DELAY) > 0) {
            wait = MAX_DELAY;
        }
        Instant now = Instant.now();
        long millis = wait.toMillis();
        last = new Failure(notificationId, e.getClass().getName() + ": " + e.getMessage(), now, attempts, now.plus(wait));
        LOG.log(Level.WARNING, e, () -> "'" + reader + "' failed on "
                + (notificationId == 0 ? "reading the log" : "notification " + notificationId) + " of " + upstream
                + " (attempt " + attempts + "); it retries in " + millis + " ms, and later notifications wait");
    }

    /** The last failure, or {@code null}. */
    Failure last() {
        return last;
    }
}
