package dev.eventsourcing.system;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Starts a runner's timed tasks: on the timer, which may be the executor itself or a scheduler of
 * its own ({@link MultiThreadedRunner.Builder#timer}). Short tasks (prompts, which only hand work
 * to the executor) run on the timer; work that may block (a lease round reads and writes the
 * database) is handed to the executor, so that a slow database never holds up the timer's other
 * tasks.
 */
final class Timing {

    private static final Logger LOG = Logger.getLogger(Timing.class.getName());

    private final ScheduledExecutorService timer;
    private final Executor executor;

    Timing(ScheduledExecutorService timer, Executor executor) {
        this.timer = timer;
        this.executor = executor;
    }

    /** Runs a short task on the timer every {@code millis} ms, the first after as long. */
    ScheduledFuture<?> every(long millis, Runnable task) {
        return timer.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs a short task on the timer once, after {@code millis} ms. */
    ScheduledFuture<?> after(long millis, Runnable task) {
        return timer.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs work on the executor every {@code millis} ms, the first after as long, never two runs
     * at once: when the last run has not ended when the next is due, that one is skipped. On the
     * executor itself, that is its own fixed-delay schedule; with a timer of its own, the timer
     * hands each run over, and a run the executor refuses (a server suspended or shutting down)
     * is skipped too.
     */
    ScheduledFuture<?> everyOnExecutor(long millis, Runnable work, String what) {
        if (timer == executor) {
            return every(millis, work);
        }
        AtomicBoolean running = new AtomicBoolean();
        return every(millis, () -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        running.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                running.set(false);
                LOG.fine(() -> what + " not run: the executor refused it (suspended or shutting down?)");
            }
        });
    }
}
