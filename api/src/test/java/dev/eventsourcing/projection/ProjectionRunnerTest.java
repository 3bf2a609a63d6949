package dev.eventsourcing.projection;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.application.bank.BankAccounts;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.persistence.TrackingRecorder;
import dev.eventsourcing.persistence.WaitTimeoutException;
import dev.eventsourcing.persistence.inmemory.InMemoryTrackingRecorder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectionRunnerTest {

    /** Totals of deposits per account; view rows and positions change together under one lock. */
    static final class DepositTotals implements Projection {
        final InMemoryTrackingRecorder positions = new InMemoryTrackingRecorder();
        final Map<UUID, BigDecimal> totals = new HashMap<>();
        int processed;
        volatile boolean failOnNext;

        @Override
        public Set<String> topics() {
            return Set.of(BankAccount.Deposited.class.getName());
        }

        @Override
        public synchronized void process(DomainEvent<?> event, Tracking tracking) {
            if (failOnNext) {
                throw new IllegalStateException("view is broken");
            }
            BankAccount.Deposited deposited = (BankAccount.Deposited) event.payload();
            totals.merge(event.originatorId(), deposited.amount(), BigDecimal::add);
            processed++;
            positions.insertTracking(tracking);
        }

        @Override
        public TrackingRecorder trackingRecorder() {
            return positions;
        }

        synchronized BigDecimal total(UUID id) {
            return totals.get(id);
        }
    }

    @Test
    void theProjectionCatchesUpThenFollowsAndResumesWhereItStopped() {
        BankAccounts bank = new BankAccounts(Settings.empty());
        UUID id = bank.openAccount("Alice", "alice@example.com");
        bank.deposit(id, new BigDecimal("1.00"));
        DepositTotals totals = new DepositTotals();
        try (ProjectionRunner runner = new ProjectionRunner(bank, totals)) {
            runner.waitFor(2, Duration.ofSeconds(5));
            assertEquals(new BigDecimal("1.00"), totals.total(id));
            bank.deposit(id, new BigDecimal("2.00"));
            runner.waitFor(3, Duration.ofSeconds(5));
            assertEquals(new BigDecimal("3.00"), totals.total(id));
        }
        bank.deposit(id, new BigDecimal("4.00"));
        try (ProjectionRunner again = new ProjectionRunner(bank, totals)) {
            again.waitFor(4, Duration.ofSeconds(5));
        }
        assertEquals(new BigDecimal("7.00"), totals.total(id));
        assertEquals(3, totals.processed);
    }

    @Test
    void waitingForANotificationNotYetProcessedTimesOut() {
        BankAccounts bank = new BankAccounts(Settings.empty());
        try (ProjectionRunner runner = new ProjectionRunner(bank, new DepositTotals())) {
            assertThrows(WaitTimeoutException.class, () -> runner.waitFor(1, Duration.ofMillis(120)));
        }
    }

    @Test
    void aFailureStopsTheRunnerAndIsRethrownWithoutRecordingThePosition() {
        BankAccounts bank = new BankAccounts(Settings.empty());
        UUID id = bank.openAccount("Bob", "bob@example.com");
        DepositTotals totals = new DepositTotals();
        totals.failOnNext = true;
        ProjectionRunner runner = new ProjectionRunner(bank, totals);
        bank.deposit(id, new BigDecimal("1.00"));
        ProjectionFailedException error = assertThrows(ProjectionFailedException.class,
                () -> runner.waitFor(2, Duration.ofSeconds(5)));
        assertTrue(error.getMessage().contains("notification 2"), error.getMessage());
        assertThrows(ProjectionFailedException.class, runner::close);
        assertEquals(0, totals.positions.maxTrackingId(bank.name()));

        totals.failOnNext = false;
        try (ProjectionRunner fixed = new ProjectionRunner(bank, totals)) {
            fixed.waitFor(2, Duration.ofSeconds(5));
        }
        assertEquals(new BigDecimal("1.00"), totals.total(id));
    }
}
