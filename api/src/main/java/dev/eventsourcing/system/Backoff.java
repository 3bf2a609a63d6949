package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failure streak of one worker and when to try again: after the configured delay, doubling
 * with each failure of the same notification, up to {@link RunnerSettings#MAX_RETRY_DELAY}.
 *
 * <p>A streak is logged once: a WARNING with the stack trace when it begins (or moves to another
 * notification), FINE for each further attempt, and an INFO when an attempt succeeds again. A
 * worker retrying every few seconds for an hour therefore writes two lines, not a thousand
 * stack traces.
 */
final class Backoff {

    private static final Logger LOG = Logger.getLogger(Backoff.class.getName());

    private final String reader;
    private final String upstream;
    private final Duration delay;
    private final Clock clock;
    private final MetricsListener metrics;
    private volatile Failure last;

    /** A failure: of a notification ({@code notificationId} above 0) or of reading the log (0). */
    record Failure(long notificationId, String message, Instant at, int attempts, Instant due) {
    }

    Backoff(String reader, String upstream, Duration delay, Clock clock, MetricsListener metrics) {
        this.metrics = metrics;
        this.reader = reader;
        this.upstream = upstream;
        this.delay = delay;
        this.clock = clock;
    }

    /** Whether an attempt may go ahead now. */
    boolean due() {
        Failure failure = last;
        return failure == null || !clock.instant().isBefore(failure.due());
    }

    /** How long until the next attempt is due; zero when it is due now. */
    Duration untilDue() {
        Failure failure = last;
        Duration left = failure == null ? Duration.ZERO : Duration.between(clock.instant(), failure.due());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Records and logs a failure.
     *
     * @return how many times in a row this notification has failed now
     */
    int failed(long notificationId, Throwable e) {
        Failure previous = last;
        boolean streak = previous != null && previous.notificationId() == notificationId;
        int attempts = attemptsIfFails(notificationId);
        Duration wait = delay.multipliedBy(1L << Math.min(attempts - 1, 16));
        wait = wait.compareTo(RunnerSettings.MAX_RETRY_DELAY) > 0 ? RunnerSettings.MAX_RETRY_DELAY : wait;
        Instant now = clock.instant();
        last = new Failure(notificationId, e.getClass().getName() + ": " + e.getMessage(), now, attempts, now.plus(wait));
        metrics.retried(reader, upstream, notificationId);
        long millis = wait.toMillis();
        LOG.log(streak ? Level.FINE : Level.WARNING, streak ? null : e, () -> "'" + reader + "' failed on "
                + (notificationId == 0 ? "reading the log" : "notification " + notificationId) + " of '" + upstream
                + "' (attempt " + attempts + "): " + e + "; it tries again in " + millis + " ms");
        return attempts;
    }

    /** Which attempt a failure of this notification now would be: 1 unless it is failing already. */
    int attemptsIfFails(long notificationId) {
        Failure previous = last;
        return previous != null && previous.notificationId() == notificationId ? previous.attempts() + 1 : 1;
    }

    /** Ends a streak because the last attempt succeeded, saying so when there was one. */
    void succeeded() {
        Failure previous = last;
        if (previous != null) {
            last = null;
            LOG.info(() -> "'" + reader + "' processes '" + upstream + "' again after " + previous.attempts()
                    + " failed attempt(s) at " + (previous.notificationId() == 0 ? "reading the log"
                    : "notification " + previous.notificationId()));
        }
    }

    /** Ends a streak without a word: the failing notification was parked, which is logged itself. */
    void clear() {
        last = null;
    }

    /** The clock that times attempts. */
    Clock clock() {
        return clock;
    }

    /** The last failure, or {@code null}. */
    Failure last() {
        return last;
    }
}
