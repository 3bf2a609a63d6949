package dev.eventsourcing.persistence;

import java.util.Objects;

/**
 * The position of a downstream reader in an upstream application's notification log: the id of
 * the last notification of {@code applicationName} that was processed. Recorded in the same
 * transaction as whatever the processing wrote, so each notification is processed exactly once.
 *
 * @param applicationName the upstream application whose log was read
 * @param notificationId  the id of the last notification processed, from 1
 */
public record Tracking(String applicationName, long notificationId) {

    /**
     * Checks the components.
     *
     * @param applicationName the upstream application; not blank
     * @param notificationId  the last id processed; at least 1
     * @throws NullPointerException     when the name is null
     * @throws IllegalArgumentException when the name is blank or the id is below 1
     */
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
