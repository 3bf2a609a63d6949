package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.LeaseRecorder;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.projection.Projection;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.LogCapture;
import dev.eventsourcing.system.fixtures.ModelDatabase;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runners that share one store (nodes of a cluster) divide a projection's segments through
 * leases: each notification is handled once overall and each originator's in order, the work is
 * spread, a node that stops renewing loses its segments to the others, a node that joins takes
 * its share and one that stops gives its segments back at once. Transactions are modelled by a
 * {@link ModelDatabase}, as a shared database would run them.
 */
class SegmentedNodesTest {

    private static final String GROUP = "counts#Bank";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ModelDatabase database = new ModelDatabase();
    private final SharedInMemory store = new SharedInMemory(database);
    private final Bank bank = new Bank(Settings.empty());
    private final Map<Long, AtomicInteger> view = new ConcurrentHashMap<>();
    private final Map<UUID, List<Long>> versions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
    private final Map<String, MultiThreadedRunner> runners = new HashMap<>();
    private final Map<String, ScheduledThreadPoolExecutor> executors = new HashMap<>();
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture("dev.eventsourcing.system");
    }

    @AfterEach
    void stop() {
        runners.values().forEach(MultiThreadedRunner::stop);
        executors.values().forEach(ScheduledThreadPoolExecutor::shutdownNow);
        logs.close();
    }

    @Test
    void threeNodesShareTheSegmentsAndHandleEveryNotificationOnceInTheOrderOfEachOriginator() throws Exception {
        for (String node : List.of("a", "b", "c")) {
            node(node, 6, 1000, 2, n -> { });
        }
        await(() -> held("a") == 2 && held("b") == 2 && held("c") == 2, "the segments spread: " + holders());

        Thread writer = new Thread(() -> openAndCredit(20, 10));
        writer.start();
        writer.join(WAIT.toMillis());
        runners.values().forEach(runner -> runner.waitUntilCaughtUp(WAIT));

        assertHandledOnceInOrder(bank.lastId());
        assertEquals(Set.of("a", "b", "c"), byNode.keySet(), "each node handled some: " + byNode);
        assertEquals(List.of(), logs.aboveFine(), "a lost race is no failure");
    }

    @Test
    void aNodeThatStopsRenewingLosesItsSegmentsAfterTheLeaseAndAnotherFinishesItsWork() {
        node("a", 4, 400, 2, n -> { });
        node("b", 4, 400, 2, n -> { });
        await(() -> held("a") == 2 && held("b") == 2, "the segments spread: " + holders());
        openAndCredit(10, 3);
        runners.get("b").waitUntilCaughtUp(WAIT);

        executors.get("a").shutdownNow(); // a stops renewing, without giving anything back
        openAndCredit(10, 3);
        runners.get("b").waitUntilCaughtUp(WAIT);

        assertHandledOnceInOrder(bank.lastId());
        assertEquals(Map.of(0, "b", 1, "b", 2, "b", 3, "b"), holders());
        assertEquals(List.of(0, 1, 2, 3), runners.get("b").statuses().get(0).held());
    }

    @Test
    void aNodePausedInABatchPastItsLeaseAndTheNodeThatTookItsSegmentsMeetOnTheClaimAndOneGivesWay() throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicInteger pauses = new AtomicInteger();
        node("a", 2, 300, 1, n -> { // one thread: while it is paused, node a renews nothing
            if (pauses.getAndIncrement() == 0) {
                paused.countDown();
                awaitLatch(resume);
            }
        });
        await(() -> held("a") == 2, "a holds both: " + holders());
        openAndCredit(6, 3);
        assertTrue(paused.await(10, TimeUnit.SECONDS));
        node("b", 2, 300, 2, n -> { });
        await(() -> held("b") == 2, "b took over both segments after a's lease: " + holders());
        // b claims the position after the segment's, which a's open transaction claimed first:
        // as on a unique index, b waits for a's transaction to end.
        await(() -> database.waiting() == 1, "b waits on the position a claimed");

        resume.countDown(); // a's batch commits; b's claim fails, and b selects again after a's batch
        runners.values().forEach(runner -> runner.waitUntilCaughtUp(WAIT));

        assertHandledOnceInOrder(bank.lastId());
        assertTrue(logs.at(java.util.logging.Level.FINE).stream()
                .anyMatch(r -> String.valueOf(r.getMessage()).contains("lost the claim")));
        assertEquals(List.of(), logs.aboveFine(), "a lost claim is an expected race, no failure");
    }

    @Test
    void aNodeThatJoinsTakesItsShareAndOneThatStopsGivesItsSegmentsBackAtOnce() {
        node("a", 4, 1000, 2, n -> { });
        await(() -> held("a") == 4, "a holds every segment: " + holders());
        node("b", 4, 1000, 2, n -> { });
        await(() -> held("a") == 2 && held("b") == 2, "a gave b its share: " + holders());
        openAndCredit(12, 3);
        runners.values().forEach(runner -> runner.waitUntilCaughtUp(WAIT));
        assertEquals(Set.of("a", "b"), byNode.keySet(), "both handled some: " + byNode);

        runners.remove("b").stop();
        assertFalse(holders().containsValue("b"), "b gave its segments back as it stopped: " + holders());
        await(() -> held("a") == 4, "a took them at its next round: " + holders());
        openAndCredit(4, 2);
        runners.get("a").waitUntilCaughtUp(WAIT);

        assertHandledOnceInOrder(bank.lastId());
    }

    @Test
    void aReadersStatusOnEveryNodeHasTheLowestSegmentsPositionAndSaysWhichSegmentsTheNodeHolds() throws Exception {
        CountDownLatch resume = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        node("a", 2, 3000, 2, n -> { // a's segment stalls, while a's other thread keeps renewing
            if (hold.get()) {
                awaitLatch(resume);
            }
        });
        node("b", 2, 3000, 2, n -> { });
        await(() -> held("a") == 1 && held("b") == 1, "the segments spread: " + holders());
        int ofB = runners.get("b").statuses().get(0).held().get(0);
        hold.set(true);
        openAndCredit(6, 2);
        long last = bank.lastId();
        await(() -> store.trackingRecorder("counts").maxTrackingId("Bank#" + ofB + "/2") == last, "b's segment done");

        for (String node : List.of("a", "b")) {
            ReaderStatus status = runners.get(node).statuses().get(0);
            assertTrue(status.position() < last && status.lag() > 0, node + ": " + status);
            assertEquals(List.of(last, 2, List.of(node.equals("b") ? ofB : 1 - ofB)),
                    List.of(status.logEnd(), status.segments(), status.held()), node + ": " + status);
        }
        hold.set(false);
        resume.countDown();
        runners.values().forEach(runner -> runner.waitUntilCaughtUp(WAIT));
        assertEquals(last, runners.get("b").statuses().get(0).position());
        assertHandledOnceInOrder(last);
    }

    @Test
    void synchronousRunnersRenewWhenPromptedAndShareTheSegmentsToo() {
        MultiThreadedRunner a = synchronousNode("a");
        MultiThreadedRunner b = synchronousNode("b");
        await(() -> {
            a.catchUp(); // a synchronous runner's rounds come with its prompts and catch-ups, once due
            b.catchUp();
            return held("a") == 2 && held("b") == 2;
        }, "the segments spread: " + holders());
        openAndCredit(8, 3);
        // Each node processes the segments it holds when prompted; a segment that changed hands
        // meanwhile (a lease that ran out while the machine was busy) is processed at a later one.
        await(() -> {
            a.catchUp();
            b.catchUp();
            return view.size() == bank.lastId();
        }, "every notification handled: " + holders());

        assertHandledOnceInOrder(bank.lastId());
        assertEquals(Set.of("a", "b"), byNode.keySet(), "both handled some: " + byNode);
    }

    private MultiThreadedRunner synchronousNode(String node) {
        MultiThreadedRunner runner = MultiThreadedRunner.builder().infrastructure(store).synchronous().node(node)
                .settings(Settings.of(Map.of("counts.projection.segments", "4", "projection.lease", "1000")))
                .application(bank).projection(counting(node, n -> { }), "Bank").build();
        runners.put(node, runner);
        runner.start();
        return runner;
    }

    private void node(String node, int segments, int lease, int threads, java.util.function.Consumer<Notification> hook) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads);
        executors.put(node, executor);
        Projection counts = counting(node, hook);
        MultiThreadedRunner runner = MultiThreadedRunner.builder().infrastructure(store).executor(executor).node(node)
                .settings(Settings.of(Map.of("counts.projection.segments", String.valueOf(segments),
                        "projection.lease", String.valueOf(lease), "projection.batch-size", "5",
                        "projection.poll-interval", "20")))
                .application(bank).projection(counts, "Bank").build();
        runners.put(node, runner);
        runner.start();
        assertEquals(node, runner.node());
    }

    /** A projection that counts, per notification, what committed transactions wrote, and which node wrote it. */
    private Projection counting(String node, java.util.function.Consumer<Notification> hook) {
        return new Projection() {
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
                ((ModelDatabase.Tx) unitOfWork).onCommit(() -> {
                    view.computeIfAbsent(notification.id(), id -> new AtomicInteger()).incrementAndGet();
                    versions.computeIfAbsent(notification.originatorId(), id -> Collections.synchronizedList(new ArrayList<>()))
                            .add(notification.originatorVersion());
                    byNode.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
                });
            }
        };
    }

    private void openAndCredit(int accounts, int credits) {
        List<UUID> ids = IntStream.range(0, accounts).mapToObj(bank::open).toList();
        for (int i = 0; i < credits; i++) {
            ids.forEach(id -> bank.credit(id, 1));
        }
    }

    private int held(String node) {
        return runners.get(node).statuses().get(0).held().size();
    }

    private Map<Integer, String> holders() {
        return leases().holders(GROUP);
    }

    private LeaseRecorder leases() {
        return store.factory("counts", Settings.empty()).leaseRecorder();
    }

    private void assertHandledOnceInOrder(long last) {
        assertEquals(LongStream.rangeClosed(1, last).boxed().toList(), view.keySet().stream().sorted().toList());
        assertFalse(view.values().stream().anyMatch(count -> count.get() != 1), "handled more than once: " + view);
        versions.forEach((originator, handled) -> assertEquals(LongStream.rangeClosed(1, handled.size()).boxed().toList(),
                handled, "the notifications of " + originator + " in order"));
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within " + WAIT + ": " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
