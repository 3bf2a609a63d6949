package dev.eventsourcing;

import java.time.Duration;

/**
 * Told what applications and a runner's readers do, for metrics: every method does nothing by
 * default, and {@link #NONE} is the listener of whoever is given none. An application gets its
 * listener from its {@link dev.eventsourcing.application.Environment}, a runner from its builder;
 * a container adapts them to its metrics library. The lag of readers is not reported here: read
 * it when needed from their {@link dev.eventsourcing.system.ReaderStatus}.
 *
 * <p>Methods are called in the thread that did the work, often inside its transaction, so they
 * must be quick and must not throw: what one throws fails the work it was told of.
 */
public interface MetricsListener {

    /** The listener that does nothing. */
    MetricsListener NONE = new MetricsListener() {
    };

    /**
     * An application stored events (with a process application's tracking position) in one
     * append to its recorder; appends that fail are not reported.
     *
     * @param application the application's name
     * @param events      how many events were stored (0 when a process application recorded only its position)
     * @param duration    how long the append took
     */
    default void appended(String application, int events, Duration duration) {
    }

    /**
     * A reader's handler (a projection, or a process application's policy) processed a
     * notification, its position now past it. Notifications the reader does not observe, and
     * parked ones, are not reported.
     *
     * @param reader   the projection's or process application's name
     * @param upstream the name of the log it follows
     */
    default void processed(String reader, String upstream) {
    }

    /**
     * A reader failed and will try again after its back-off: a notification failed, or the log
     * could not be read ({@code notificationId} 0).
     *
     * @param reader         the projection's or process application's name
     * @param upstream       the name of the log it follows
     * @param notificationId the notification that failed, or 0
     */
    default void retried(String reader, String upstream, long notificationId) {
    }

    /**
     * A reader parked a notification: it failed too often, could not be decoded, or follows a
     * parked notification of its originator.
     *
     * @param reader         the projection's or process application's name
     * @param upstream       the name of the log it follows
     * @param notificationId the notification parked
     */
    default void parked(String reader, String upstream, long notificationId) {
    }
}
