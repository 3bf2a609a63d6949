package dev.eventsourcing.system;

import dev.eventsourcing.MetricsListener;
import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.NotificationSelection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.TransferWorkload;
import dev.eventsourcing.system.transfers.TransferWorkload.EndState;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Process applications divided into segments on two nodes that share a store: each upstream
 * notification's policy runs once overall, its new events recorded with the segment's position.
 */
class SegmentedProcessApplicationTest {

    private static final ApplicationSystem TRANSFERS = ApplicationSystem.builder()
            .pipe(Transfers.class, Accounts.class, Transfers.class).build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SharedInMemory store = new SharedInMemory();
    private final List<MultiThreadedRunner> runners = new ArrayList<>();
    private final List<ScheduledThreadPoolExecutor> executors = new ArrayList<>();
    private final Map<String, AtomicInteger> settledBy = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        runners.forEach(MultiThreadedRunner::stop);
        executors.forEach(ScheduledThreadPoolExecutor::shutdownNow);
    }

    @Test
    void twoNodesShareTheSegmentsOfAProcessApplicationAndRunEachPolicyOnce() {
        MultiThreadedRunner a = node("a");
        MultiThreadedRunner b = node("b");
        awaitSpread(a, b);

        EndState end = new TransferWorkload(8, 80, 11).run(a.get(Accounts.class), a.get(Transfers.class), () ->
                runners.forEach(runner -> runner.waitUntilCaughtUp(WAIT)));

        assertTrue(end.outcomes().stream().allMatch(outcome -> outcome.endsWith(" v2")),
                "each transfer ended exactly once: " + end.outcomes());
        long completed = end.outcomes().stream().filter(outcome -> outcome.startsWith("COMPLETED")).count();
        assertTrue(completed > 0);
        assertEquals(completed, topics(a.get(Accounts.class), "Debited"), "each settled transfer debited once");
        assertEquals(end.outcomes().size(), topics(a.get(Accounts.class), "Settled") + topics(a.get(Accounts.class),
                "Refused"), "each request settled once");
        BigDecimal opened = new TransferWorkload(8, 0, 11).run(new Accounts(Settings.empty()), new Transfers(Settings.empty()),
                () -> { }).balances().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(opened, end.balances().stream().reduce(BigDecimal.ZERO, BigDecimal::add), "money is conserved");
        assertTrue(settledBy.keySet().containsAll(List.of("a", "b")), "both nodes ran the policy: " + settledBy);
        for (int segment = 0; segment < 4; segment++) {
            assertEquals(a.get(Transfers.class).recorder().maxNotificationId(),
                    a.get(Accounts.class).processRecorder().maxTrackingId("Transfers#" + segment + "/4"));
        }
    }

    private MultiThreadedRunner node(String node) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
        executors.add(executor);
        MetricsListener metrics = new MetricsListener() {
            @Override
            public void processed(String reader, String upstream) {
                if (reader.equals("Accounts")) {
                    settledBy.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
                }
            }
        };
        MultiThreadedRunner runner = MultiThreadedRunner.builder().system(TRANSFERS).infrastructure(store)
                .executor(executor).node(node).metrics(metrics)
                .settings(Settings.of(Map.of("projection.segments", "4", "projection.lease", "1000",
                        "projection.poll-interval", "20", "projection.retry-delay", "5", "projection.batch-size", "10")))
                .build();
        runners.add(runner);
        runner.start();
        return runner;
    }

    private static long topics(Accounts accounts, String event) {
        List<Notification> all = accounts.recorder().selectNotifications(NotificationSelection.after(0, Integer.MAX_VALUE));
        return all.stream().filter(notification -> notification.topic().endsWith(event)).count();
    }

    private static void awaitSpread(MultiThreadedRunner a, MultiThreadedRunner b) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(a.statuses().stream().allMatch(status -> status.held().size() == 2)
                && b.statuses().stream().allMatch(status -> status.held().size() == 2))) {
            if (System.nanoTime() - deadline > 0) {
                fail("the segments did not spread: " + a.statuses() + " " + b.statuses());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
