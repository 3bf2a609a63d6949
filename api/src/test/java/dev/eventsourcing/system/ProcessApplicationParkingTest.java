package dev.eventsourcing.system;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.ParkedNotification;
import dev.eventsourcing.persistence.ParkedNotification.Status;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Process applications park what their policy cannot process, or what cannot be decoded, as projections do. */
class ProcessApplicationParkingTest {

    private MultiThreadedRunner runner;
    private FlakyAccounts accounts;
    private Transfers transfers;

    /** Accounts whose policy fails while told to. */
    public static class FlakyAccounts extends Accounts {
        volatile boolean failing;

        public FlakyAccounts(Settings settings) {
            super(settings);
        }

        @Override
        protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
            if (failing) {
                throw new IllegalStateException("the accounts are down");
            }
            super.policy(event, processing);
        }
    }

    @BeforeEach
    void start() {
        runner = MultiThreadedRunner.builder()
                .system(ApplicationSystem.builder().pipe(Transfers.class, FlakyAccounts.class, Transfers.class).build())
                .settings(Settings.of(Map.of("projection.attempts", "2", "projection.retry-delay", "1")))
                .synchronous().build();
        runner.start();
        accounts = runner.get(FlakyAccounts.class);
        transfers = runner.get(Transfers.class);
    }

    @AfterEach
    void stop() {
        runner.stop();
    }

    @Test
    void aNotificationThePolicyKeepsFailingOnIsParkedAndTheOthersGoOn() throws InterruptedException {
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        accounts.failing = true;
        UUID first = transfers.request(alice, bob, new BigDecimal("10"));
        Thread.sleep(5);
        runner.catchUp();
        accounts.failing = false;
        UUID second = transfers.request(alice, bob, new BigDecimal("20"));

        assertEquals(Transfer.Status.REQUESTED, transfers.get(first).status());
        assertEquals(Transfer.Status.COMPLETED, transfers.get(second).status());
        ParkedNotification parked = runner.parked("FlakyAccounts", Status.PARKED, 10).get(0);
        assertEquals("Transfers", parked.upstream());
        assertEquals(2, parked.attempts());
        assertTrue(parked.error().contains("the accounts are down"));
        assertEquals(transfers.recorder().maxNotificationId(), accounts.processRecorder().maxTrackingId("Transfers"));

        assertEquals(1, runner.retry("FlakyAccounts", "Transfers", parked.notificationId()));
        assertEquals(Transfer.Status.COMPLETED, transfers.get(first).status());
        assertEquals(new BigDecimal("70"), accounts.balance(alice));
        assertEquals(List.of(), runner.parked(null, Status.PARKED, 10));
    }

    @Test
    void aNotificationThatCannotBeDecodedIsParkedAtOnce() {
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        transfers.recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, "com.example.Gone",
                "{}".getBytes(StandardCharsets.UTF_8))));
        UUID transfer = transfers.request(alice, bob, new BigDecimal("10"));

        assertEquals(Transfer.Status.COMPLETED, transfers.get(transfer).status());
        ParkedNotification parked = runner.parked("FlakyAccounts", Status.PARKED, 10).get(0);
        assertEquals(1, parked.notificationId());
        assertEquals(1, parked.attempts());
        assertTrue(parked.error().startsWith("dev.eventsourcing.persistence.UnknownTopicException"), parked.error());
    }
}
