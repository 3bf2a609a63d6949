package dev.eventsourcing.persistence;

import java.util.Objects;

/**
 * The position of a downstream reader in an upstream application's notification log: the id of
 * the last notification of {@code applicationName} that was processed. Recorded in the same
 * transaction as whatever the processing wrote, so each notification is processed exactly once.
 */
public record Tracking(String applicationName, long notificationId) {

    public Tracking {
        Objects.requireNonNull(applicationName, "applicationName");
        if (applicationName.isBlank()) {
            throw new IllegalArgumentException("Tracking application name must not be blank");
        }
        if (notificationId < 1) {
            throw new IllegalArgumentException("Tracking notification id must be at least 1, was " + notificationId);
        }
    }
}
