package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.cdi.ProjectionStatus;
import dev.eventsourcing.system.ProcessApplication;

import java.time.Duration;

/**
 * Feeds a leader's log to a process application that follows it. Exactly-once is the process
 * application's own: its policy's new events and the leader position are recorded together
 * ({@link ProcessApplication#pullAndProcess}). This worker serialises runs, repeats them until
 * nothing is left (a run may itself add to the leader's log, in a cycle), and retries failures
 * with the same back-off as projections.
 */
final class FollowerWorker extends SerialWorker {

    private final ProcessApplication follower;
    private final String leader;
    private final Retry retry;

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

    // Stops before the next notification once stopped: a node shutting down does not drain the backlog.
    @Override
    void process(boolean force) {
        if (!retry.due(force)) {
            return;
        }
        while (!stopped() && follower.pullAndProcess(leader, this::stopped) > 0) {
            // again: what was just processed may have prompted more
        }
        if (!stopped()) {
            readToEnd(); // the last pull read the leader's log until it had nothing more
        }
        retry.succeeded();
    }

    @Override
    void crashed(Throwable e) {
        long failing;
        try {
            failing = follower.processRecorder().maxTrackingId(leader) + 1;
        } catch (RuntimeException unreachable) {
            failing = 0; // the store itself is failing: no notification to blame
        }
        retry.failed(leader, failing, e);
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
}
