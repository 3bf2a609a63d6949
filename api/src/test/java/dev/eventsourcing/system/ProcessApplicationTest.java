package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProcessApplicationTest {

    @Test
    void aFollowerCatchesUpWithWhatItsLeaderRecordedBefore() {
        Accounts accounts = new Accounts(Settings.empty());
        Transfers transfers = new Transfers(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        UUID first = transfers.request(alice, bob, new BigDecimal("10"));
        UUID second = transfers.request(alice, bob, new BigDecimal("20"));

        accounts.follow(transfers);
        assertEquals(2, accounts.pullAndProcess("Transfers"));
        assertEquals(0, accounts.pullAndProcess("Transfers"));
        assertEquals(new BigDecimal("70"), accounts.balance(alice));
        assertEquals(2, accounts.processRecorder().maxTrackingId("Transfers"));

        transfers.follow(accounts);
        transfers.pullAndProcess("Accounts");
        assertEquals(Transfer.Status.COMPLETED, transfers.get(first).status());
        assertEquals(Transfer.Status.COMPLETED, transfers.get(second).status());
    }

    @Test
    void pullingStopsBeforeTheNextNotificationWhenToldAndResumesAfterItsPosition() {
        Accounts accounts = new Accounts(Settings.empty());
        Transfers transfers = new Transfers(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        for (int i = 0; i < 5; i++) {
            transfers.request(alice, bob, new BigDecimal("1"));
        }
        accounts.follow(transfers);
        int[] asked = {0};

        assertEquals(2, accounts.pullAndProcess("Transfers", () -> ++asked[0] > 2));
        assertEquals(2, accounts.processRecorder().maxTrackingId("Transfers"));
        assertEquals(3, accounts.pullAndProcess("Transfers"));
        assertEquals(new BigDecimal("95"), accounts.balance(alice));
    }

    @Test
    void aNotificationIsNeverProcessedTwice() {
        Accounts accounts = new Accounts(Settings.empty());
        Transfers transfers = new Transfers(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        transfers.request(alice, bob, new BigDecimal("10"));
        accounts.follow(transfers);
        Notification notification = transfers.notificationLog().select(1, 1).items().get(0);

        assertEquals(true, accounts.process("Transfers", transfers.mapper(), notification));
        assertFalse(accounts.process("Transfers", transfers.mapper(), notification));
        assertEquals(new BigDecimal("90"), accounts.balance(alice));
    }

    @Test
    void eventsThePolicyIgnoresStillAdvanceTheTrackingPosition() {
        Accounts accounts = new Accounts(Settings.empty());
        Transfers transfers = new Transfers(Settings.empty());
        transfers.follow(accounts);
        accounts.open(new BigDecimal("1"));
        accounts.open(new BigDecimal("2"));
        assertEquals(2, transfers.pullAndProcess("Accounts"));
        assertEquals(2, transfers.processRecorder().maxTrackingId("Accounts"));
        assertEquals(0, transfers.recorder().maxNotificationId());
    }

    @Test
    void aFailingPolicyRecordsNothingAndTheNotificationIsProcessedOnceItWorks() {
        Accounts accounts = new Accounts(Settings.empty());
        Transfers transfers = new Transfers(Settings.empty());
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID missing = UUID.randomUUID();
        transfers.request(alice, missing, new BigDecimal("10"));
        accounts.follow(transfers);

        assertThrows(dev.eventsourcing.application.AggregateNotFoundException.class,
                () -> accounts.pullAndProcess("Transfers"));
        assertEquals(0, accounts.processRecorder().maxTrackingId("Transfers"));
        assertEquals(new BigDecimal("100"), accounts.balance(alice));
    }

    @Test
    void pullingFromAnApplicationNotFollowedIsAnError() {
        Accounts accounts = new Accounts(Settings.empty());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> accounts.pullAndProcess("Nobody"));
        assertEquals("Accounts does not follow 'Nobody'; it follows []", error.getMessage());
    }

    @Test
    void aPolicyThatFailsBecauseAnotherWorkerProcessedTheNotificationMeanwhileIsNoFailure() {
        Transfers transfers = new Transfers(Settings.empty());
        Overtaken overtaken = new Overtaken(Settings.empty());
        transfers.request(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.ONE);
        overtaken.follow(transfers);

        assertEquals(0, overtaken.pullAndProcess("Transfers"));
        assertEquals(1, overtaken.processRecorder().maxTrackingId("Transfers"));
    }

    @Test
    void aPolicyThatFailsOnItsOwnIsAFailure() {
        Transfers transfers = new Transfers(Settings.empty());
        Overtaken refusing = new Overtaken(Settings.empty(), false);
        transfers.request(UUID.randomUUID(), UUID.randomUUID(), BigDecimal.ONE);
        refusing.follow(transfers);

        assertThrows(IllegalStateException.class, () -> refusing.pullAndProcess("Transfers"));
        assertEquals(0, refusing.processRecorder().maxTrackingId("Transfers"));
    }

    /**
     * A follower whose policy finds its work done by another worker: it records the position as
     * that worker would have, then refuses, as a policy does that finds an aggregate in a state
     * it cannot act on. Or it only refuses.
     */
    static final class Overtaken extends ProcessApplication {
        private final boolean overtaken;

        Overtaken(Settings settings) {
            this(settings, true);
        }

        Overtaken(Settings settings, boolean overtaken) {
            super(settings);
            this.overtaken = overtaken;
        }

        @Override
        protected void policy(dev.eventsourcing.domain.DomainEvent<?> event, ProcessingEvent processing) {
            if (overtaken) {
                save(processing.tracking());
            }
            throw new IllegalStateException("the transfer has an outcome already");
        }
    }
}
