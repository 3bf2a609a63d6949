package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.AesGcmCipher;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.projection.FailurePolicy;
import dev.eventsourcing.system.fixtures.Bank;
import dev.eventsourcing.system.fixtures.MutableClock;
import dev.eventsourcing.system.fixtures.RecordingProjection;
import dev.eventsourcing.system.fixtures.SharedInMemory;
import dev.eventsourcing.system.transfers.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications that keep failing, or cannot be decoded, are parked; operators retry or skip them. */
class ParkingTest {

    private static final ApplicationSystem BANK = ApplicationSystem.builder().add(Bank.class).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private MultiThreadedRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop();
        }
    }

    private Bank start(RecordingProjection projection, Map<String, String> settings) {
        runner = MultiThreadedRunner.builder().system(BANK).settings(Settings.of(settings))
                .projection(projection, "Bank").synchronous().clock(clock).build();
        runner.start();
        return runner.get(Bank.class);
    }

    @Test
    void aPoisonNotificationIsParkedAfterItsAttemptsWithBackOffAndLaterOnesGoOn() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "3", "projection.retry-delay", "1000"));

        bank.open(10);
        UUID b = bank.open(20);
        assertEquals(List.of(), balances.handled(), "the back-off is not due: nothing after the failing one runs");
        assertEquals(1, runner.statuses().get(0).attempts());
        clock.advance(Duration.ofSeconds(1));
        bank.credit(b, 5);
        assertEquals(2, runner.statuses().get(0).attempts());
        assertEquals(1, runner.statuses().get(0).failingId());
        clock.advance(Duration.ofMillis(1999));
        runner.prompt("Bank");
        assertEquals(2, balances.calls(), "the delay doubled");
        clock.advance(Duration.ofMillis(1));
        runner.prompt("Bank");

        assertEquals(List.of(2L, 3L), balances.handled());
        List<ParkedNotification> parked = runner.parked("balances", Status.PARKED, 10);
        assertEquals(1, parked.size());
        ParkedNotification poison = parked.get(0);
        assertEquals(1, poison.notificationId());
        assertEquals(3, poison.attempts());
        assertEquals(0, poison.behind());
        assertEquals(clock.instant(), poison.parkedAt());
        assertTrue(poison.error().contains("refused notification 1"), poison.error());
        assertTrue(poison.stackTrace().contains("RecordingProjection.process"), poison.stackTrace());
        ReaderStatus status = runner.statuses().get(0);
        assertEquals(3, status.position());
        assertEquals(1, status.parked());
        assertFalse(status.failing());
    }

    @Test
    void laterNotificationsOfAParkedOriginatorAreParkedBehindItWithoutBeingProcessed() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "1"));
        UUID a = bank.open(10);
        UUID b = bank.open(20);
        bank.credit(a, 1);
        bank.credit(b, 1);
        bank.credit(a, 2);

        assertEquals(List.of(2L, 4L), balances.handled());
        assertEquals(3, balances.calls(), "notifications parked behind are not handed to the projection");
        List<ParkedNotification> parked = runner.parked("balances", Status.PARKED, 10);
        assertEquals(List.of(1L, 3L, 5L), parked.stream().map(ParkedNotification::notificationId).toList());
        assertEquals(List.of(0L, 1L, 1L), parked.stream().map(ParkedNotification::behind).toList());
        assertEquals(5, runner.statuses().get(0).position());
    }

    @Test
    void retryProcessesTheParkedNotificationThenThoseBehindItInOrder() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "1"));
        UUID a = bank.open(10);
        UUID b = bank.open(20);
        bank.credit(a, 1);
        bank.credit(b, 1);
        balances.refusing(n -> false);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(2, runner.retry("balances", "Bank", 1));

        assertEquals(List.of(2L, 4L, 1L, 3L), balances.handled());
        List<ParkedNotification> retried = runner.parked("balances", Status.RETRIED, 10);
        assertEquals(List.of(1L, 3L), retried.stream().map(ParkedNotification::notificationId).toList());
        assertTrue(retried.stream().allMatch(p -> clock.instant().equals(p.resolvedAt())));
        assertEquals(List.of(), runner.parked("balances", Status.PARKED, 10));
        assertEquals(4, runner.statuses().get(0).position(), "the position was past them already");
        bank.credit(a, 1);
        assertEquals(List.of(2L, 4L, 1L, 3L, 5L), balances.handled(), "the originator is no longer parked");
    }

    @Test
    void aRetryThatFailsAgainLeavesItParkedWithOneMoreAttempt() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "1"));
        UUID a = bank.open(10);
        bank.credit(a, 1);

        assertEquals(0, runner.retry("balances", "Bank", 1));
        assertEquals(2, runner.parked("balances", Status.PARKED, 10).get(0).attempts());

        balances.refusing(n -> n.id() == 2);
        assertEquals(1, runner.retry("balances", "Bank", 1));
        ParkedNotification second = runner.parked("balances", Status.PARKED, 10).get(0);
        assertEquals(2, second.notificationId());
        assertEquals(1, second.attempts());
        assertEquals(0, second.behind(), "it failed itself now");
        assertEquals(List.of(1L), balances.handled());
    }

    @Test
    void aSkippedNotificationIsNeverProcessedAndItsOriginatorGoesOn() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "1"));
        UUID a = bank.open(10);
        clock.advance(Duration.ofSeconds(7));

        runner.skip("balances", "Bank", 1);

        ParkedNotification skipped = runner.parked("balances", null, 10).get(0);
        assertEquals(Status.SKIPPED, skipped.status());
        assertEquals(clock.instant(), skipped.resolvedAt());
        assertThrows(IllegalArgumentException.class, () -> runner.retry("balances", "Bank", 1));
        assertThrows(IllegalArgumentException.class, () -> runner.skip("balances", "Bank", 2));
        assertThrows(IllegalArgumentException.class, () -> runner.skip("nobody", "Bank", 1));
        bank.credit(a, 1);
        assertEquals(List.of(2L), balances.handled());
    }

    @Test
    void aNotificationThatCannotBeDecodedIsParkedAtOnce() {
        RecordingProjection balances = new RecordingProjection("balances");
        Bank bank = start(balances, Map.of());
        bank.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "com.example.Gone",
                "{}".getBytes(StandardCharsets.UTF_8))));
        bank.open(10);

        assertEquals(List.of(2L), balances.handled());
        ParkedNotification parked = runner.parked("balances", Status.PARKED, 10).get(0);
        assertEquals(1, parked.notificationId());
        assertEquals(1, parked.attempts(), "retrying cannot help: it was tried once");
        assertTrue(parked.error().startsWith("dev.eventsourcing.persistence.UnknownTopicException"), parked.error());
    }

    @Test
    void aNotificationWhoseEncryptedStateWasMovedToAnotherTopicIsParkedAtOnce() {
        RecordingProjection balances = new RecordingProjection("balances");
        Bank bank = start(balances, Map.of("cipher.key", AesGcmCipher.generateKey()));
        UUID a = bank.open(10);
        bank.credit(a, 5);
        StoredEvent credited = bank.recorder().selectEvents(a).get(1);
        bank.recorder().insertEvents(List.of(new StoredEvent(a, 3, Account.Debited.class.getName(), credited.state())));
        bank.open(20);

        assertEquals(List.of(1L, 2L, 4L), balances.handled());
        ParkedNotification parked = runner.parked("balances", Status.PARKED, 10).get(0);
        assertEquals(3, parked.notificationId());
        assertEquals(1, parked.attempts(), "retrying cannot help: it was tried once");
        assertTrue(parked.error().startsWith("dev.eventsourcing.persistence.DecryptionException"), parked.error());
    }

    @Test
    void withPolicyStopANotificationIsRetriedForeverAndNothingAfterItIsProcessed() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        Bank bank = start(balances, Map.of("projection.attempts", "1", "balances.projection.failure-policy", "stop"));
        bank.open(10);
        bank.open(20);
        for (int i = 0; i < 4; i++) {
            runner.catchUp();
        }

        assertEquals(List.of(), runner.parked(null, null, 10));
        assertEquals(List.of(), balances.handled());
        ReaderStatus status = runner.statuses().get(0);
        assertEquals(5, status.attempts());
        assertEquals(1, status.failingId());
        assertEquals(0, status.position());

        balances.refusing(n -> false);
        runner.catchUp();
        assertEquals(List.of(1L, 2L), balances.handled());
    }

    @Test
    void theProjectionsOwnPolicyAppliesUnlessASettingSaysOtherwise() {
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1)
                .policy(FailurePolicy.STOP);
        Bank bank = start(balances, Map.of("projection.attempts", "1"));
        bank.open(10);
        bank.open(20);
        assertEquals(List.of(), runner.parked(null, null, 10));
        assertEquals(List.of(), balances.handled());
    }

    @Test
    void failuresWhileTheStoreIsDownBringNoNotificationCloserToBeingParked() {
        SharedInMemory store = new SharedInMemory();
        Bank bank = new Bank(dev.eventsourcing.application.Environment.of(Settings.empty(), store));
        RecordingProjection balances = new RecordingProjection("balances");
        runner = MultiThreadedRunner.builder().application(bank).infrastructure(store)
                .settings(Settings.of(Map.of("projection.attempts", "1"))).projection(balances, "Bank")
                .synchronous().clock(clock).build();
        runner.start();
        store.down(true);
        bank.open(10);
        runner.catchUp();

        assertEquals(List.of(), runner.parked(null, null, 10));
        store.down(false);
        assertEquals(0, runner.statuses().get(0).failingId(), "the store failed, not the notification");
        runner.catchUp();
        assertEquals(1, runner.statuses().get(0).position());
        assertFalse(runner.statuses().get(0).failing());
    }

    @Test
    void aReaderThatParkedButCrashedBeforeRecordingItsPositionParksOnceAgain() {
        SharedInMemory store = new SharedInMemory();
        Bank bank = new Bank(dev.eventsourcing.application.Environment.of(Settings.empty(), store));
        bank.open(10);
        RecordingProjection balances = new RecordingProjection("balances").refusing(n -> n.id() == 1);
        store.parkingRecorder("balances").park(new ParkedNotification("balances", "Bank", 1, UUID.randomUUID(), 1,
                "topic", "the crash", "", 1, clock.instant(), 0, Status.PARKED, null));

        runner = MultiThreadedRunner.builder().application(bank).infrastructure(store)
                .settings(Settings.of(Map.of("projection.attempts", "1"))).projection(balances, "Bank")
                .synchronous().clock(clock).build();
        runner.start();

        List<ParkedNotification> parked = runner.parked("balances", null, 10);
        assertEquals(1, parked.size());
        assertTrue(parked.get(0).error().contains("refused notification 1"));
        assertEquals(1, store.trackingRecorder("balances").maxTrackingId("Bank"));
    }
}
