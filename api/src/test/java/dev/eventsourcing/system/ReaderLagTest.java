package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.MutableClock;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How far behind a runner's readers are, in notifications and in time, and whether their workers are hung. */
class ReaderLagTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
        executor.shutdownNow();
    }

    @Test
    void aCaughtUpReaderHasNoLag() {
        runner = synchronous(new RecordingProjection("balances"));
        Bank bank = runner.get(Bank.class);
        bank.open(1);
        clock.advance(Duration.ofMinutes(5));

        ReaderStatus status = runner.statuses().get(0);

        assertEquals(0, status.lag());
        assertEquals(Duration.ZERO, status.lagDuration());
        assertNull(status.behindSince());
    }

    @Test
    void aStuckReaderLagsByTheNotificationsAfterItsPositionSinceTheCommitThatItHasNotProcessed() {
        runner = synchronous(new RecordingProjection("balances").refusing(n -> n.id() == 2).policy(FailurePolicy.STOP));
        Bank bank = runner.get(Bank.class);
        UUID account = bank.open(1);
        clock.advance(Duration.ofMinutes(10)); // idle time while caught up does not count
        Instant committed = clock.instant();
        bank.credit(account, 5);
        clock.advance(Duration.ofSeconds(3));
        bank.open(2);
        clock.advance(Duration.ofSeconds(4));

        ReaderStatus status = runner.statuses().get(0);

        assertEquals(1, status.position());
        assertEquals(3, status.logEnd());
        assertEquals(2, status.lag());
        assertEquals(committed, status.behindSince());
        assertEquals(Duration.ofSeconds(7), status.lagDuration());
    }

    @Test
    void aReaderIsCaughtUpAgainOnceItProcessedTheLogToItsEnd() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1)
                .policy(FailurePolicy.STOP);
        runner = synchronous(balances);
        runner.get(Bank.class).open(1);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(30), runner.statuses().get(0).lagDuration());
        balances.refusing(n -> false);

        runner.catchUp();

        ReaderStatus status = runner.statuses().get(0);
        assertEquals(0, status.lag());
        assertEquals(Duration.ZERO, status.lagDuration());
    }

    @Test
    void anotherDeploymentsLogLagsByWhatItsLastReadReturned() {
        Bank elsewhere = new Bank(Settings.empty());
        for (int i = 0; i < 4; i++) {
            elsewhere.open(i);
        }
        RecordingProjection remote = new RecordingProjection("remote").refusing(n -> n.id() == 2)
                .policy(FailurePolicy.STOP);
        runner = MultiThreadedRunner.builder().projection(remote)
                .follow("remote", "Ledger", FilteredLog.of(elsewhere.notificationLog()), elsewhere.mapper())
                .synchronous().clock(clock).build();
        Instant began = clock.instant();

        runner.start(); // reads the log at once, in this thread
        clock.advance(Duration.ofSeconds(9));

        ReaderStatus status = runner.statuses().get(0);
        assertEquals(1, status.position());
        assertEquals(4, status.logEnd());
        assertEquals(3, status.lag());
        assertEquals(began, status.behindSince());
        assertEquals(Duration.ofSeconds(9), status.lagDuration());
    }

    @Test
    void aWorkerRunningLongerThanTheBoundIsHungSinceItsRunBegan() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingProjection blocked = new RecordingProjection("blocked").onProcess(n -> {
            entered.countDown();
            awaitQuietly(release);
        });
        Bank bank = new Bank(Settings.empty());
        runner = MultiThreadedRunner.builder().application(bank).projection(blocked, "Bank").executor(executor)
                .clock(clock).build();
        runner.start();
        Instant began = clock.instant();
        bank.open(1);
        assertTrue(entered.await(5, TimeUnit.SECONDS), "the handler did not start");
        clock.advance(Duration.ofMinutes(2));

        ReaderStatus hung = runner.statuses().get(0);
        assertEquals(ReaderStatus.Activity.RUNNING, hung.activity());
        assertEquals(began, hung.activitySince());
        assertTrue(hung.hung(Duration.ofMinutes(1)));
        assertFalse(hung.alive(Duration.ofMinutes(1)));
        assertFalse(hung.hung(Duration.ofMinutes(3)));

        release.countDown();
        ReaderStatus after = awaitIdle();
        assertTrue(after.alive(Duration.ofMinutes(1)));
        assertEquals(clock.instant(), after.activitySince());
    }

    private ReaderStatus awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ReaderStatus status;
        while ((status = runner.statuses().get(0)).activity() != ReaderStatus.Activity.IDLE) {
            assertTrue(System.nanoTime() < deadline, "the run did not end");
            Thread.sleep(5);
        }
        return status;
    }

    private MultiThreadedRunner synchronous(RecordingProjection projection) {
        MultiThreadedRunner made = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .projection(projection, "Bank").synchronous().clock(clock).build();
        made.start();
        return made;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
