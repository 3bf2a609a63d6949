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

    /**
     * Waits until the projection has processed the named application's log up to the
     * notification id. The name may also be that of a log in another deployment which the
     * projection follows ({@code eventsourcing.<projection>.follow.<name>.url}).
     */
    void waitFor(String projection, String application, long notificationId, Duration timeout);

    /**
     * Waits until every projection and process application that follows the named log (of an
     * application, or of another deployment) has processed it up to the notification id.
     */
    void waitForAll(String application, long notificationId, Duration timeout);

    /**
     * Waits until every projection and process application has processed every log it follows
     * to its end, including what process applications record meanwhile: it returns once a pass
     * over all readers finds no log grown since the pass began, so a cycle of process
     * applications (A follows B follows A) has settled. Writes that start afterwards, here or on
     * other nodes, are not waited for. A log in another deployment counts as processed once a
     * read of it that began after the call has found nothing more, so while that deployment
     * cannot be reached this waits until the timeout.
     *
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     when the readers have not caught up within the timeout
     *         (for example because a handler keeps failing)
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void waitUntilCaughtUp(Duration timeout);

    /** The status of every projection and process application in every log it follows. */
    List<ProjectionStatus> statuses();

    /** Processes now whatever is outstanding, in the calling thread for synchronous dispatch. */
    void catchUp();
}
