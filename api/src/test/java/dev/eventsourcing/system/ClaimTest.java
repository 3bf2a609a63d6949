package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.LogCapture;
import dev.eventsourcing.system.fixtures.ModelDatabase;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runners that share one store (nodes of a cluster) process each notification once: every
 * transaction that advances a projection's position from P first records P+1, so two runners at
 * one position insert the same key and one fails, and a stale runner fails the recorder's
 * "above the highest" check. Shown on a model of a database's transactions over the in-memory
 * store, and across gaps in the ids.
 */
class ClaimTest {

    /** Ids 1 and every fifth are missing, as rolled-back writes leave gaps. */
    private static final LongPredicate GAPPY = id -> id != 1 && id % 5 != 0;

    private final ModelDatabase database = new ModelDatabase();
    private final SharedInMemory store = new SharedInMemory(database);
    private final Bank bank = new Bank(Settings.empty());
    private final Map<Long, AtomicInteger> view = new ConcurrentHashMap<>();
    private final List<MultiThreadedRunner> runners = new ArrayList<>();
    private final List<ScheduledThreadPoolExecutor> executors = new ArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture("dev.eventsourcing.system");
    }

    @AfterEach
    void stop() {
        runners.forEach(MultiThreadedRunner::stop);
        executors.forEach(ScheduledThreadPoolExecutor::shutdownNow);
        logs.close();
    }

    @Test
    void twoRunnersAtOnePositionClaimTheSameKeyAndTheLoserSelectsAgain() throws Exception {
        openAccounts(20);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MultiThreadedRunner first = runner(new FilteredLog(bank.notificationLog(), GAPPY), n -> {
            inside.countDown();
            await(release);
        });
        MultiThreadedRunner second = runner(new FilteredLog(bank.notificationLog(), GAPPY), n -> { });

        Thread one = new Thread(first::start);
        one.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Thread two = new Thread(second::start);
        two.start();
        awaitTrue(() -> database.waiting() == 1); // the second waits on the key the first inserted: 1, a gap
        release.countDown();
        one.join(10_000);
        two.join(10_000);

        assertProcessedOnce(20, GAPPY);
        assertEquals(List.of(1L, 4L), database.commits().get(0), "the first batch (2, 3, 4) claimed 1, a gap");
        assertTrue(logs.at(Level.FINE).stream().anyMatch(r -> r.getMessage().contains("lost the claim")));
        assertEquals(List.of(), logs.aboveFine(), "a lost race is no failure");
    }

    @Test
    void aStaleRunnerFailsTheAboveTheHighestCheckAndGoesOnFromTheRecordedPosition() {
        openAccounts(10);
        MultiThreadedRunner stale = runner(FilteredLog.of(bank.notificationLog()), n -> { });
        stale.start();
        openAccounts(10);
        MultiThreadedRunner current = runner(FilteredLog.of(bank.notificationLog()), n -> { });
        current.start();
        openAccounts(5);

        stale.catchUp(); // its position is 10, the recorded one 20: its claim of 11 fails

        assertProcessedOnce(25, id -> true);
        assertTrue(logs.at(Level.FINE).stream().anyMatch(r -> r.getMessage().contains("lost the claim of position 11")));
        assertEquals(List.of(), logs.aboveFine());
    }

    @Test
    void aBatchThatFailsIsGoneThroughOneNotificationPerTransactionEachClaimingFirst() {
        openAccounts(10);
        FilteredLog log = new FilteredLog(bank.notificationLog(), id -> id != 3 && id != 11);
        MultiThreadedRunner runner = runner(log, n -> {
            if (n.id() == 5) {
                throw new IllegalStateException("refused 5");
            }
        });
        runner.start();
        openAccounts(5);
        runner.catchUp();

        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L, 4L), List.of(5L), List.of(6L, 10L),
                List.of(11L, 15L)), database.commits(), "the failed batch (1, 2, 4, 5) left nothing; then one"
                + " transaction per notification, each claiming the position after the last (3 is a gap); the next"
                + " batches were one transaction each again, claiming first (11 is a gap)");
        assertEquals(List.of(1L, 2L, 4L, 6L, 7L, 8L, 9L, 10L, 12L, 13L, 14L, 15L), view.keySet().stream().sorted().toList());
        assertTrue(view.values().stream().allMatch(count -> count.get() == 1));
        assertEquals(5, runner.parked("counts", null, 10).get(0).notificationId());
    }

    @Test
    void runnersRacingOnAGappyLogWhileItGrowsProcessEachNotificationOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
            executors.add(executor);
            MultiThreadedRunner runner = runner(new FilteredLog(bank.notificationLog(), GAPPY), n -> { },
                    MultiThreadedRunner.builder().executor(executor));
            runner.start();
        }
        Thread writer = new Thread(() -> openAccounts(600));
        writer.start();
        writer.join(30_000);
        for (MultiThreadedRunner runner : runners) {
            runner.waitUntilCaughtUp(Duration.ofSeconds(30));
        }

        assertProcessedOnce(600, GAPPY);
        assertEquals(List.of(), logs.aboveFine());
    }

    private MultiThreadedRunner runner(FilteredLog log, Consumer<Notification> hook) {
        return runner(log, hook, MultiThreadedRunner.builder().synchronous());
    }

    private MultiThreadedRunner runner(FilteredLog log, Consumer<Notification> hook, MultiThreadedRunner.Builder builder) {
        Projection counts = new Projection() {
            @Override
            public String name() {
                return "counts";
            }

            @Override
            public boolean observes(Class<?> eventType) {
                return true;
            }

            @Override
            public void process(DomainEvent<?> event, Notification notification, Object unitOfWork) {
                hook.accept(notification);
                ((ModelDatabase.Tx) unitOfWork).onCommit(() ->
                        view.computeIfAbsent(notification.id(), id -> new AtomicInteger()).incrementAndGet());
            }
        };
        MultiThreadedRunner runner = builder.infrastructure(store)
                .settings(Settings.of(Map.of("projection.batch-size", "5", "projection.attempts", "1",
                        "projection.poll-interval", "2")))
                .projection(counts).follow("counts", "Ledger", log, bank.mapper()).build();
        runners.add(runner);
        return runner;
    }

    private void openAccounts(int count) {
        for (int i = 0; i < count; i++) {
            bank.open(i);
        }
    }

    private void assertProcessedOnce(long last, LongPredicate kept) {
        List<Long> expected = LongStream.rangeClosed(1, last).filter(kept).boxed().toList();
        assertEquals(expected, view.keySet().stream().sorted().toList());
        assertFalse(view.values().stream().anyMatch(count -> count.get() != 1), "processed more than once: " + view);
        assertEquals(expected.get(expected.size() - 1), store.trackingRecorder("counts").maxTrackingId("Ledger"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
