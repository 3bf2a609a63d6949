package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.WaitInterruptedException;
import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.Objects;

/** The blocking {@link TrackingRecorder#waitFor} shared by the in-memory tracking recorders. */
final class TrackingWait {

    private TrackingWait() {
    }

    /**
     * Waits, without polling, until {@code recorder} has the position; {@code recorded} must fire
     * after each position the recorder records.
     */
    static void waitFor(TrackingRecorder recorder, Signal recorded, String applicationName, Long notificationId,
                        Duration timeout) {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("Wait timeout must not be negative, was " + timeout);
        }
        long left = nanos(timeout);
        while (true) {
            long seen = recorded.generation();
            if (recorder.hasTrackingId(applicationName, notificationId)) {
                return;
            }
            if (left <= 0) {
                throw new WaitTimeoutException("Position " + notificationId + " of '" + applicationName
                        + "' was not recorded within " + timeout);
            }
            try {
                left = recorded.awaitAfter(seen, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException("Interrupted while waiting for position " + notificationId
                        + " of '" + applicationName + "'", e);
            }
        }
    }

    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLongToCount) {
            return Long.MAX_VALUE;
        }
    }
}
