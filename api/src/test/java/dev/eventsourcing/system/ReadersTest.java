package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.FilteredLog;
import dev.eventsourcing.system.fixtures.MutableClock;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a runner tells about its readers, and how a caller waits for them. */
class ReadersTest {

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
    void statusesShowEachReadersPositionFailureAttemptsAndParkedCount() {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
        RecordingProjection stopped = new RecordingProjection("stopped").refusing(n -> n.id() == 2)
                .policy(FailurePolicy.STOP);
        RecordingProjection parking = new RecordingProjection("parking").refusing(n -> n.id() == 1);
        runner = MultiThreadedRunner.builder().system(ApplicationSystem.builder().add(Bank.class).build())
                .settings(Settings.of(Map.of("projection.attempts", "1")))
                .projection(stopped, "Bank").projection(parking, "Bank").synchronous().clock(clock).build();
        runner.start();
        Bank bank = runner.get(Bank.class);
        UUID account = bank.open(1);
        bank.credit(account, 1);
        bank.open(2);

        List<ReaderStatus> statuses = runner.statuses();
        Instant now = clock.instant();
        assertEquals(new ReaderStatus("stopped", "Bank", 1, 3, 2, "java.lang.IllegalStateException: refused notification 2",
                now, 1, 0, now, ReaderStatus.Activity.IDLE, now, now), statuses.get(0));
        assertEquals(new ReaderStatus("parking", "Bank", 3, 3, 0, null, null, 0, 2, null, ReaderStatus.Activity.IDLE,
                now, now), statuses.get(1));
    }

    @Test
    void waitForAndWaitForAllReturnOnceTheReadersHaveProcessedTheNotification() {
        RecordingProjection slow = new RecordingProjection("slow").onProcess(n -> pause(20));
        RecordingProjection quick = new RecordingProjection("quick");
        Bank bank = new Bank(Settings.empty());
        runner = MultiThreadedRunner.builder().application(bank).projection(slow, "Bank").projection(quick, "Bank")
                .executor(executor).build();
        runner.start();
        bank.open(1);
        long last = bank.credit(bank.open(2), 3);

        runner.waitFor("quick", "Bank", last, Duration.ofSeconds(5));
        assertTrue(quick.handled().contains(last));
        runner.waitForAll("Bank", last, Duration.ofSeconds(5));
        assertEquals(List.of(1L, 2L, 3L), slow.handled());
        assertThrows(IllegalArgumentException.class, () -> runner.waitFor("nobody", "Bank", 1, Duration.ofSeconds(1)));
    }

    @Test
    void waitUntilCaughtUpWaitsForProcessApplicationsInACycleAndForAnotherDeploymentsLog() {
        Bank elsewhere = new Bank(Settings.empty());
        RecordingProjection remote = new RecordingProjection("remote");
        runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().pipe(Transfers.class, Accounts.class, Transfers.class).build())
                .projection(remote).follow("remote", "Ledger", FilteredLog.of(elsewhere.notificationLog()),
                        elsewhere.mapper())
                .executor(executor).build();
        runner.start();
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        List<UUID> requested = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requested.add(transfers.request(alice, bob, new BigDecimal("5")));
            elsewhere.open(i);
        }

        runner.waitUntilCaughtUp(Duration.ofSeconds(20));

        assertTrue(requested.stream().allMatch(id -> transfers.get(id).status() != Transfer.Status.REQUESTED));
        assertEquals(new BigDecimal("0"), accounts.balance(alice));
        assertEquals(LongStream.rangeClosed(1, 30).boxed().toList(), remote.handled());
    }

    @Test
    void waitUntilCaughtUpTimesOutWhileAnotherDeploymentsLogCannotBeRead() {
        Bank elsewhere = new Bank(Settings.empty());
        elsewhere.open(1);
        FilteredLog log = FilteredLog.of(elsewhere.notificationLog());
        log.down(true);
        RecordingProjection remote = new RecordingProjection("remote");
        runner = MultiThreadedRunner.builder().projection(remote).follow("remote", "Ledger", log, elsewhere.mapper())
                .settings(Settings.of(Map.of("projection.retry-delay", "10", "projection.poll-interval", "10")))
                .executor(executor).build();
        runner.start();

        assertThrows(WaitTimeoutException.class, () -> runner.waitUntilCaughtUp(Duration.ofMillis(300)));
        ReaderStatus status = runner.statuses().get(0);
        assertTrue(status.failing());
        assertEquals(0, status.failingId(), "reading the log failed, no notification");

        log.down(false);
        runner.waitUntilCaughtUp(Duration.ofSeconds(10));
        assertEquals(List.of(1L), remote.handled());
        assertTrue(!runner.statuses().get(0).failing());
    }

    @Test
    void catchUpRetriesAFailingReaderAtOnceIgnoringItsBackOff() {
        RecordingProjection once = new RecordingProjection("once").refusing(n -> n.id() == 1);
        Bank bank = new Bank(Settings.empty());
        runner = MultiThreadedRunner.builder().application(bank).projection(once, "Bank")
                .settings(Settings.of(Map.of("projection.retry-delay", "60000"))).executor(executor).build();
        runner.start();
        bank.open(1);
        awaitFailing();
        once.refusing(n -> false);

        runner.catchUp();

        runner.waitFor("once", "Bank", 1, Duration.ofSeconds(5));
        assertEquals(List.of(1L), once.handled());
    }

    private void awaitFailing() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!runner.statuses().get(0).failing()) {
            assertTrue(System.nanoTime() < deadline, "the reader did not fail");
            pause(5);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
