package dev.eventsourcing.dcb;

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

/** Runs the tasks of a concurrency test in threads started at one moment, failing on any error or delay. */
final class Threads {

    private Threads() {
    }

    /**
     * Runs {@code task.apply(i)} for i in 0..count-1, each in a thread of its own, all released
     * together, and returns the results in task order.
     *
     * @throws AssertionError when a task throws (its error is the cause) or the tasks do not all
     *                        end within the timeout
     */
    static <T> List<T> run(int count, Duration timeout, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(index);
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(await(future, deadline, timeout));
            }
            return results;
        } finally {
            stop(pool);
        }
    }

    private static <T> T await(Future<T> future, long deadline, Duration timeout) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("A concurrent task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("Concurrent tasks did not end within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for concurrent tasks", e);
        }
    }

    /** Interrupts what still runs and waits for it to end, so that no test leaks threads. */
    static void stop(ExecutorService pool) {
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
