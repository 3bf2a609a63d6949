package dev.eventsourcing.cdi.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Worker} whose runs never overlap: prompts from several threads queue on a lock, and a
 * prompt from the thread that is running it already (a handler that saves) returns at once,
 * because the running loop picks up what the handler added.
 */
abstract class SerialWorker implements Worker {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean stopped;

    @Override
    public final void run(boolean force) {
        if (stopped || lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        try {
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
