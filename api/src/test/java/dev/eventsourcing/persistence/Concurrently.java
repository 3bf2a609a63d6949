package dev.eventsourcing.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs test tasks in threads released at the same moment, failing the test on any error or delay. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code task.apply(i)} for i in 0..threads-1, each in its own thread, all released
     * together, and returns the results in task order.
     *
     * @throws AssertionError when a task throws (the first error is the cause, the others are
     *                        suppressed) or the tasks do not all finish within the timeout
     */
    public static <T> List<T> run(int threads, Duration timeout, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            List<T> results = collect(futures, timeout);
            stop(pool);
            return results;
        } catch (AssertionError | RuntimeException failure) {
            // Keep the first failure in front; threads that will not stop are only a footnote to it.
            try {
                stop(pool);
            } catch (AssertionError stuck) {
                failure.addSuppressed(stuck);
            }
            throw failure;
        }
    }

    private static <T> List<T> collect(List<Future<T>> futures, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> results = new ArrayList<>();
        AssertionError failure = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                failure = addFailure(failure, new AssertionError("A concurrent task failed: " + e.getCause(), e.getCause()));
            } catch (TimeoutException e) {
                failure = addFailure(failure, new AssertionError("Concurrent tasks did not finish within " + timeout));
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for concurrent tasks", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static AssertionError addFailure(AssertionError first, AssertionError next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /**
     * Interrupts whatever still runs and waits for it to end, so no test leaks threads. The wait
     * is generous because a database call may finish its lock wait before it sees the interrupt.
     */
    public static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new AssertionError("Test threads did not end within 30 s of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
