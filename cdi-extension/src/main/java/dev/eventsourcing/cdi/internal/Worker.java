package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.ProjectionStatus;

import java.time.Duration;

/**
 * Processes one upstream application's log for one downstream reader (a projection, or a
 * process application following a leader), exactly once and in order; the {@link Dispatcher}
 * decides when and where it runs.
 */
interface Worker {

    /** The reader's name: the projection's, or the process application's. */
    String name();

    /** The name of the application whose log it reads. */
    String upstream();

    /**
     * Processes what is outstanding, in the calling thread, unless a failed notification's retry
     * is not due yet (or {@code force}).
     */
    void run(boolean force);

    /** Waits until the reader has processed the upstream log up to the notification id. */
    void waitFor(long notificationId, Duration timeout);

    /**
     * A mark for {@link #awaitEnd}: the number of runs begun so far. A run begun after the mark
     * was taken reads everything the upstream log held at that moment.
     */
    long runsBegun();

    /**
     * Waits until a run begun after the mark has read the upstream log to its end: for logs
     * whose end is not known here (another deployment's), what waiting for a position is for a
     * log of this deployment.
     *
     * @throws dev.eventsourcing.persistence.WaitTimeoutException     after the timeout
     * @throws dev.eventsourcing.persistence.WaitInterruptedException when the thread is interrupted
     */
    void awaitEnd(long mark, Duration timeout);

    /** The reader's position and failure, if any. */
    ProjectionStatus status();

    /** Stops at the next notification; a handler running now finishes. */
    void stop();

    /** Waits up to the timeout for a running handler to finish; true when none is running. */
    boolean awaitIdle(Duration timeout);
}
