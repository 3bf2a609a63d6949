package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.WaitInterruptedException;
import dev.eventsourcing.persistence.WaitTimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition on the database by polling with a short, growing interval. */
final class Polling {

    static final Duration FIRST_INTERVAL = Duration.ofMillis(2);
    static final Duration MAX_INTERVAL = Duration.ofMillis(50);

    private Polling() {
    }

    /**
     * Returns once the condition holds.
     *
     * @throws WaitTimeoutException     when it still does not hold after the timeout
     * @throws WaitInterruptedException when the thread is interrupted while waiting
     */
    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = FIRST_INTERVAL.toNanos();
        while (!condition.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new WaitTimeoutException("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            sleep(Math.min(interval, remaining), what);
            interval = Math.min(interval * 2, MAX_INTERVAL.toNanos());
        }
    }

    static void sleep(long nanos, String what) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException("Interrupted while waiting for " + what, e);
        }
    }
}
