package dev.eventsourcing.system;

import java.time.Duration;
import java.util.List;

/**
 * The readers a runner runs (projections, and process applications following their leaders):
 * their status, and ways to wait for them, so that a caller can read its own writes.
 *
 * <pre>{@code
 * var recordings = bank.save(account);
 * readers.waitFor("balances", "Bank", recordings.get(recordings.size() - 1).notificationId(), Duration.ofSeconds(5));
 * }</pre>
 */
public interface Readers {

    /**
     * Waits until the reader has processed the named log up to the notification id (parked
     * notifications count as processed).
     *
     * @param reader the reader's name: a projection's or a process application's
     * @param upstream the name of the application whose log it follows
     * @param notificationId the id to wait for, usually that of the caller's last recording
     * @param timeout how long to wait at most
     * @throws IllegalArgumentException when no reader of that name follows that log
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     after the timeout
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void waitFor(String reader, String upstream, long notificationId, Duration timeout);

    /**
     * Waits until every reader that follows the named log has processed it up to the notification id.
     *
     * @param upstream the name of the application whose log they follow
     * @param notificationId the id to wait for
     * @param timeout how long to wait at most
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     after the timeout
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void waitForAll(String upstream, long notificationId, Duration timeout);

    /**
     * Waits until every reader has processed every log it follows to its end, including what
     * process applications record meanwhile: it returns once a pass over all readers finds no
     * log grown since the pass began. A log of another deployment counts as processed once a
     * read of it that began after the call found nothing more.
     *
     * @param timeout how long to wait at most
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     when the readers have not caught up in time
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void waitUntilCaughtUp(Duration timeout);

    /** @return the status of every reader in every log it follows, as of now */
    List<ReaderStatus> statuses();

    /** Processes now whatever is outstanding, retrying failing readers at once. */
    void catchUp();
}
