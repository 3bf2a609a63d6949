package dev.eventsourcing.system;

import dev.eventsourcing.persistence.WaitInterruptedException;
import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The runs of one worker as others wait for them: runs are numbered as they begin, a run that
 * found nothing more in the log says so ({@link #readToEnd}), and one may wait for a run under
 * way to end ({@link #awaitIdle}) or for a run begun after a mark to read the log to its end
 * ({@link #awaitEnd}), which is how one waits for a log whose end is not known here.
 */
final class Runs {

    private final String what;
    private long begun;     // guarded by this
    private long endRead;   // the number of the last run that read to the end; guarded by this
    private boolean running; // guarded by this

    Runs(String what) {
        this.what = what;
    }

    /** A run begins; returns its number. */
    synchronized long begin() {
        running = true;
        return ++begun;
    }

    /** The run of this number found nothing more in the log. */
    synchronized void readToEnd(long number) {
        endRead = Math.max(endRead, number);
        notifyAll();
    }

    /** The run under way ended. */
    synchronized void end() {
        running = false;
        notifyAll();
    }

    /** A mark for {@link #awaitEnd}: a run begun after it reads everything the log holds now. */
    synchronized long begun() {
        return begun;
    }

    /** Waits until no run is under way, up to the deadline (of {@link System#nanoTime}); false when one still is. */
    synchronized boolean awaitIdle(long deadline) {
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until a run begun after the mark has read the log to its end.
     *
     * @throws WaitTimeoutException     after the timeout
     * @throws WaitInterruptedException when the thread is interrupted
     */
    synchronized void awaitEnd(long mark, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endRead <= mark) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new WaitTimeoutException(what + " has not been read to its end within " + timeout);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaitInterruptedException("Interrupted while waiting for " + what + " to be read to its end", e);
            }
        }
    }
}
