package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One reader's hung handler or backlog never holds up another for more than a batch. */
class FairnessTest {

    private static final Settings NO_POLLING = Settings.of(Map.of("projection.poll-interval", "600000"));

    private ScheduledThreadPoolExecutor executor;
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        executor.shutdownNow();
    }

    @Test
    void aHungProjectionHoldsOneThreadHoweverOftenItIsPromptedWhileAnotherKeepsUp() throws Exception {
        executor = new ScheduledThreadPoolExecutor(4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        RecordingProjection hung = new RecordingProjection("hung").onProcess(n -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        });
        RecordingProjection other = new RecordingProjection("other");
        Bank bank = new Bank(Settings.empty());
        runner = MultiThreadedRunner.builder().application(bank).settings(NO_POLLING)
                .projection(hung, "Bank").projection(other, "Bank").executor(executor).build();
        runner.start();

        bank.open(0);
        // mostInside is written just after inside: waiting on inside alone lets the assertion
        // below read it before the hung handler's thread (preempted in between) has written it.
        assertEventually(() -> inside.get() == 1 && mostInside.get() == 1, "the hung handler holds a thread");
        for (int i = 1; i < 16; i++) {
            bank.open(i);
            runner.prompt("Bank");
        }
        runner.prompt("Bank");
        runner.waitFor("other", "Bank", 16, Duration.ofSeconds(10));

        assertEquals(LongStream.rangeClosed(1, 16).boxed().toList(), other.handled());
        assertEquals(1, mostInside.get(), "one run of the hung projection at a time");
        assertEventually(() -> executor.getActiveCount() == 1, "only the hung handler's thread is busy");
        assertTrue(executor.getQueue().size() <= 1, "nothing of the hung projection waits in the queue (polling may)");
        release.countDown();
        runner.waitFor("hung", "Bank", 16, Duration.ofSeconds(10));
        assertEquals(LongStream.rangeClosed(1, 16).boxed().toList(), hung.handled(), "no prompt was lost");
    }

    @Test
    void aBacklogOfTenThousandDelaysAnotherProjectionsPromptByAtMostOneBatch() {
        executor = new ScheduledThreadPoolExecutor(1);
        Bank bank = new Bank(Settings.empty());
        for (int i = 0; i < 10_000; i++) {
            bank.open(i);
        }
        Application other = new Application("Other", Settings.empty());
        AtomicLong promptedAt = new AtomicLong();
        AtomicLong seenAt = new AtomicLong();
        RecordingProjection backlog = new RecordingProjection("backlog");
        RecordingProjection quick = new RecordingProjection("quick").onProcess(n -> seenAt.set(backlog.handled().size()));
        backlog.onProcess(n -> {
            if (n.id() == 950) { // the prompt comes while a batch of the backlog is under way
                promptedAt.set(backlog.handled().size());
                other.save(Account.open(BigDecimal.ONE));
            }
        });
        runner = MultiThreadedRunner.builder().application(bank).application(other).settings(NO_POLLING)
                .projection(backlog, "Bank").projection(quick, "Other").executor(executor).build();
        runner.start();

        runner.waitFor("quick", "Other", 1, Duration.ofSeconds(30));
        runner.waitFor("backlog", "Bank", 10_000, Duration.ofSeconds(60));

        long delay = seenAt.get() - promptedAt.get();
        assertTrue(delay <= 100, "the other projection waited for " + delay + " notifications of the backlog");
        assertEquals(10_000, backlog.handled().size());
    }

    private static void assertEventually(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }
}
