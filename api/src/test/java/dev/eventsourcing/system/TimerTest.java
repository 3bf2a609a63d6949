package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A runner with a timer of its own gives its executor only tasks to run at once: its polls, a
 * failed reader's retry and its lease rounds start on the timer. So an executor that refuses work
 * for a while, as an application server's managed executor does while the server is suspended
 * (logging an error for every scheduled task it refuses), only holds the readers back until it
 * takes work again.
 */
class TimerTest {

    private final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2);
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final SuspendableExecutor executor = new SuspendableExecutor(pool);
    private final AtomicInteger failures = new AtomicInteger();

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void theExecutorGetsNoScheduledTaskAndWhileItRefusesWorkReadersWait() throws Exception {
        SharedInMemory store = new SharedInMemory();
        Bank bank = new Bank(Environment.of(Settings.empty(), store));
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1 && once());
        MultiThreadedRunner runner = MultiThreadedRunner.builder().application(bank).infrastructure(store)
                .settings(Settings.of(Map.of("projection.poll-interval", "20", "projection.retry-delay", "10",
                        "balances.projection.segments", "2", "projection.lease", "300")))
                .projection(balances, "Bank").executor(executor).timer(timer).build();
        runner.start();
        try {
            bank.open(1);
            runner.waitFor("balances", "Bank", 1, Duration.ofSeconds(5));
            assertEquals(2, balances.calls(), "the first attempt failed, and its retry came from the timer");

            executor.suspend();
            bank.open(2); // the prompt at its commit is refused
            int refusedBefore = executor.refused();
            awaitUntil(() -> executor.refused() >= refusedBefore + 5); // polls, and lease rounds, refused
            assertEquals(List.of(1L), balances.handled(), "nothing runs while the executor refuses work");

            executor.resume();
            runner.waitFor("balances", "Bank", 2, Duration.ofSeconds(5)); // a poll found it
            assertEquals(List.of(1L, 2L), balances.handled());
            assertEquals(0, executor.scheduled(), "no task was scheduled on the executor");
        } finally {
            runner.stop();
        }
    }

    @Test
    void aSynchronousRunnerTakesNoTimer() {
        assertThrows(IllegalStateException.class,
                () -> MultiThreadedRunner.builder().application(new Bank(Settings.empty())).synchronous().timer(timer).build());
    }

    /** True the first time only. */
    private boolean once() {
        return failures.getAndIncrement() == 0;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not come about in 5 s");
            }
            Thread.sleep(5);
        }
    }

    /**
     * An executor that refuses every task while suspended, as a suspended server's managed
     * executor does, and counts the tasks it was asked to schedule.
     */
    private static final class SuspendableExecutor extends AbstractExecutorService implements ScheduledExecutorService {

        private final ScheduledThreadPoolExecutor pool;
        private final AtomicInteger scheduled = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private volatile boolean suspended;

        SuspendableExecutor(ScheduledThreadPoolExecutor pool) {
            this.pool = pool;
        }

        void suspend() {
            suspended = true;
        }

        void resume() {
            suspended = false;
        }

        int scheduled() {
            return scheduled.get();
        }

        int refused() {
            return refused.get();
        }

        @Override
        public void execute(Runnable command) {
            if (suspended) {
                refused.incrementAndGet();
                throw new RejectedExecutionException("suspended");
            }
            pool.execute(command);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return pool.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return pool.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            scheduled.incrementAndGet();
            return pool.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return pool.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return pool.awaitTermination(timeout, unit);
        }
    }
}
