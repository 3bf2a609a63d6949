package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.system.ProcessApplication;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds a leader's log to a process application that follows it. Exactly-once is the process
 * application's own: its policy's new events and the leader position are recorded together
 * ({@link ProcessApplication#pullAndProcess}). This worker serialises runs, repeats them until
 * nothing is left (a run may itself add to the leader's log, in a cycle), and retries failures
 * with the same back-off as projections.
 */
final class FollowerWorker implements Worker {

    private final ProcessApplication follower;
    private final String leader;
    private final Retry retry;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean stopped;

    FollowerWorker(ProcessApplication follower, String leader, Options options) {
        this.follower = follower;
        this.leader = leader;
        this.retry = new Retry(follower.name(), options.retryDelay());
    }

    @Override
    public String name() {
        return follower.name();
    }

    @Override
    public String upstream() {
        return leader;
    }

    @Override
    public void run(boolean force) {
        if (stopped || lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        try {
            if (!retry.due(force)) {
                return;
            }
            while (!stopped && follower.pullAndProcess(leader) > 0) {
                // again: what was just processed may have prompted more
            }
            retry.succeeded();
        } catch (RuntimeException | Error e) {
            retry.failed(leader, follower.processRecorder().maxTrackingId(leader) + 1, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void waitFor(long notificationId, Duration timeout) {
        follower.processRecorder().waitFor(leader, notificationId, timeout);
    }

    @Override
    public ProjectionStatus status() {
        Retry.Failure last = retry.last();
        return new ProjectionStatus(follower.name(), leader, follower.processRecorder().maxTrackingId(leader),
                last == null ? 0 : last.notificationId(), last == null ? null : last.message(),
                last == null ? null : last.at(), last == null ? 0 : last.attempts());
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
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
