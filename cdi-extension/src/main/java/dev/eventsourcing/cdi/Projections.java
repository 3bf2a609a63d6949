package dev.eventsourcing.cdi;

import java.time.Duration;
import java.util.List;

/**
 * The running projections of the deployment: their status, and a way to read one's own writes.
 * Inject it: {@code @Inject Projections projections;}.
 *
 * <pre>{@code
 * var recordings = bank.save(account);
 * projections.waitFor("balances", recordings.get(recordings.size() - 1).notificationId(), Duration.ofSeconds(5));
 * }</pre>
 */
public interface Projections {

    /**
     * Waits until the projection has processed the application's log up to the notification id.
     * With a single application in the deployment, that application's log is meant.
     *
     * @throws IllegalArgumentException when there is no projection of that name, or when the
     *         deployment has several applications (name it with the other overload)
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     after the timeout
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void waitFor(String projection, long notificationId, Duration timeout);

    /** Waits until the projection has processed the named application's log up to the notification id. */
    void waitFor(String projection, String application, long notificationId, Duration timeout);

    /** Waits until every projection has processed the application's log up to the notification id. */
    void waitForAll(String application, long notificationId, Duration timeout);

    /** The status of every projection in every application log it follows. */
    List<ProjectionStatus> statuses();

    /** Processes now whatever is outstanding, in the calling thread for synchronous dispatch. */
    void catchUp();
}
