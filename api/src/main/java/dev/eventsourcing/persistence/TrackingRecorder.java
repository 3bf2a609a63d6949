package dev.eventsourcing.persistence;

import java.time.Duration;

/**
 * Records how far downstream readers have processed upstream notification logs.
 *
 * <p>Positions of one upstream application only grow: recording a position that is recorded
 * already, or that lies below the highest one recorded, fails with an
 * {@link IntegrityException}. A position covers every lower id ("greater-than" semantics), so
 * {@link #hasTrackingId} is true for any id at or below the highest recorded position.
 */
public interface TrackingRecorder {

    /**
     * Records a position on its own.
     *
     * @param tracking the position; not null
     * @throws IntegrityException when the position is not above the highest one recorded
     */
    void insertTracking(Tracking tracking);

    /**
     * The highest position recorded for an upstream application.
     *
     * @param applicationName the upstream application's name
     * @return the highest notification id recorded, or 0 when none is
     */
    long maxTrackingId(String applicationName);

    /**
     * Whether the notification with this id of the upstream application has been processed.
     * A {@code null} id means "nothing", which is always processed.
     *
     * @param applicationName the upstream application's name
     * @param notificationId  the notification's id, or {@code null}
     * @return true when the id is at or below the highest position recorded, or is null
     */
    default boolean hasTrackingId(String applicationName, Long notificationId) {
        return notificationId == null || notificationId <= maxTrackingId(applicationName);
    }

    /**
     * Waits until the given position of the upstream application has been processed.
     *
     * @param applicationName the upstream application's name
     * @param notificationId  the position to wait for; {@code null} returns at once
     * @param timeout         the longest time to wait
     * @throws WaitTimeoutException     when it has not been processed within the timeout
     * @throws WaitInterruptedException when the waiting thread is interrupted
     */
    void waitFor(String applicationName, Long notificationId, Duration timeout);
}
