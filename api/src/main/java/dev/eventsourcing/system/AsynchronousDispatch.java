package dev.eventsourcing.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Runs workers on an executor, fairly: each worker has at most one task queued or running at
 * any time (its {@link Turn}), and a task processes one batch and then, if there is more,
 * submits the worker again to the back of the executor's queue. One worker's backlog therefore
 * delays another's prompt by at most one batch, and a hung handler holds one thread, never more,
 * however often its log is prompted. No task ever waits for another.
 *
 * <p>Polling every {@code pollInterval} prompts every worker, which covers prompts that were
 * missed and writes of other nodes; a failed worker is prompted again when its back-off is due.
 * Both are timed by the runner's {@link Timing}, and only prompt: the executor is given tasks to
 * run at once, never scheduled ones.
 */
final class AsynchronousDispatch implements Dispatch {

    private static final Logger LOG = Logger.getLogger(AsynchronousDispatch.class.getName());

    private final Executor executor;
    private final Timing timing;
    private final ScheduledFuture<?> polling;
    private volatile boolean stopped;

    AsynchronousDispatch(Executor executor, Timing timing, Duration pollInterval, List<Worker> workers) {
        this.executor = executor;
        this.timing = timing;
        this.polling = timing.every(pollInterval.toMillis(), () -> workers.forEach(this::prompt));
    }

    @Override
    public void prompt(Worker worker) {
        if (!worker.segment.held()) {
            worker.progress.notHeld(); // another node processes it; a round that gains it prompts it
            return;
        }
        if (!stopped && worker.turn.request()) {
            try {
                executor.execute(() -> run(worker));
            } catch (RejectedExecutionException e) {
                worker.turn.end();
                worker.progress.refused();
                LOG.fine(() -> "'" + worker.reader + "' not run: the executor refused it (shutting down?)");
            }
        }
    }

    private void run(Worker worker) {
        Worker.Outcome outcome = Worker.Outcome.STOPPED;
        try {
            worker.turn.begin();
            outcome = worker.run();
        } finally {
            boolean again = worker.turn.end();
            if (outcome == Worker.Outcome.MORE || again) {
                prompt(worker);
            }
            if (outcome == Worker.Outcome.FAILED) {
                retryWhenDue(worker);
            }
        }
    }

    private void retryWhenDue(Worker worker) {
        long delay = Math.max(1, worker.backoff.untilDue().toMillis());
        try {
            timing.after(delay, () -> prompt(worker));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "'" + worker.reader + "' retry not scheduled: the executor refused it (shutting down?)");
        }
    }

    @Override
    public void stop() {
        stopped = true;
        polling.cancel(false);
    }
}
