package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.persistence.WaitInterruptedException;
import dev.eventsourcing.persistence.WaitTimeoutException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Worker} whose runs never overlap: prompts from several threads queue on a lock, and a
 * prompt from the thread that is running it already (a handler that saves) returns at once,
 * because the running loop picks up what the handler added.
 *
 * <p>Runs are numbered as they begin, and a run that finds nothing more in the upstream log says
 * so ({@link #readToEnd()}), so that {@link #awaitEnd} can wait for a log whose end is not known
 * here (another deployment's).
 */
abstract class SerialWorker implements Worker {

    private final ReentrantLock lock = new ReentrantLock();
    private final Object ends = new Object();
    private volatile boolean stopped;
    private volatile long runsBegun;
    private long current;   // the number of the run under way; guarded by the lock
    private long endRead;   // the last run that read to the end; guarded by ends

    @Override
    public final void run(boolean force) {
        if (stopped || lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        try {
            current = ++runsBegun;
            process(force);
        } catch (RuntimeException | Error e) {
            crashed(e);
        } finally {
            lock.unlock();
        }
    }

    /** Processes what is outstanding; called under the lock. */
    abstract void process(boolean force);

    /** Records a failure that {@link #process} did not handle itself. */
    abstract void crashed(Throwable e);

    /** Says that the run under way found nothing more in the upstream log; called under the lock. */
    final void readToEnd() {
        synchronized (ends) {
            endRead = current;
            ends.notifyAll();
        }
    }

    @Override
    public final long runsBegun() {
        return runsBegun;
    }

    @Override
    public final void awaitEnd(long mark, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ends) {
            while (endRead <= mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WaitTimeoutException("'" + name() + "' has not read '" + upstream() + "' to its end within "
                            + timeout + (stopped ? " (it is stopped)" : ""));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(ends, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WaitInterruptedException("Interrupted while waiting for '" + name() + "' to read '"
                            + upstream() + "' to its end", e);
                }
            }
        }
    }

    /** Whether {@link #stop()} was called: loops end at the next notification. */
    final boolean stopped() {
        return stopped;
    }

    @Override
    public final void stop() {
        stopped = true;
    }

    @Override
    public final boolean awaitIdle(Duration timeout) {
        try {
            if (lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                lock.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
