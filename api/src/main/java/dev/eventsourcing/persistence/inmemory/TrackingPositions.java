package dev.eventsourcing.persistence.inmemory;

import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.Tracking;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The highest recorded position per upstream application. Not thread-safe: its owner guards it
 * with the lock that also guards whatever is recorded atomically with a position.
 */
final class TrackingPositions {

    private final Map<String, Long> highest = new HashMap<>();

    /**
     * Rejects a position that is not above the highest one recorded for its application.
     *
     * @throws IntegrityException when the position is recorded already or lies below it
     */
    void check(Tracking tracking) {
        long max = max(tracking.applicationName());
        if (tracking.notificationId() <= max) {
            throw new IntegrityException("Position " + tracking.notificationId() + " of '"
                    + tracking.applicationName() + "' is not above the highest recorded position " + max);
        }
    }

    /** Records a position that {@link #check} accepted. */
    void record(Tracking tracking) {
        highest.put(tracking.applicationName(), tracking.notificationId());
    }

    /** The highest recorded position of the application, or 0. */
    long max(String applicationName) {
        return highest.getOrDefault(Objects.requireNonNull(applicationName, "applicationName"), 0L);
    }
}
