package dev.eventsourcing.system;

import dev.eventsourcing.persistence.Gadgets;
import dev.eventsourcing.persistence.UnknownTopicException;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfer;
import dev.eventsourcing.system.transfers.Transfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleThreadedRunnerTest {

    private final ApplicationSystem system = ApplicationSystem.builder()
            .pipe(Transfers.class, Accounts.class, Transfers.class)
            .build();
    private SingleThreadedRunner runner;

    @BeforeEach
    void start() {
        runner = new SingleThreadedRunner(system);
        runner.start();
    }

    @AfterEach
    void stop() {
        runner.stop();
    }

    @Test
    void aTransferIsSettledBeforeTheRequestReturns() {
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));

        UUID transfer = transfers.request(alice, bob, new BigDecimal("30"));

        assertEquals(Transfer.Status.COMPLETED, transfers.get(transfer).status());
        assertEquals(new BigDecimal("70"), accounts.balance(alice));
        assertEquals(new BigDecimal("30"), accounts.balance(bob));
    }

    @Test
    void aForgedTopicInALeadersLogFailsTheSaveThatPromptedItAndIsNotRecordedAsProcessed() {
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        UUID alice = accounts.open(new BigDecimal("100"));
        UUID bob = accounts.open(new BigDecimal("0"));
        transfers.recorder().insertEvents(List.of(Gadgets.forged(UUID.randomUUID(), 1, Gadgets.TIMER)));
        long threads = Gadgets.timerThreads();

        UnknownTopicException error = assertThrows(UnknownTopicException.class,
                () -> transfers.request(alice, bob, new BigDecimal("30")));

        assertEquals(Gadgets.TIMER, error.topic());
        assertEquals(threads, Gadgets.timerThreads(), "a forged Timer was made, and its thread started");
        assertEquals(0, accounts.processRecorder().maxTrackingId("Transfers"), "not recorded as processed");
        assertEquals(new BigDecimal("100"), accounts.balance(alice), "nothing after it was processed either");
    }

    @Test
    void transfersThatCannotBeSettledAreRejectedWithAReason() {
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        UUID alice = accounts.open(new BigDecimal("10"));
        UUID bob = accounts.open(new BigDecimal("0"));
        UUID tooMuch = transfers.request(alice, bob, new BigDecimal("11"));
        accounts.close(bob);
        UUID toClosed = transfers.request(alice, bob, new BigDecimal("1"));

        assertEquals(Transfer.Status.REJECTED, transfers.get(tooMuch).status());
        assertEquals("insufficient funds", transfers.get(tooMuch).reason());
        assertEquals("account closed", transfers.get(toClosed).reason());
        assertEquals(new BigDecimal("10"), accounts.balance(alice));
    }

    @Test
    void manyTransfersConserveMoneyAndEachEndsOnce() {
        Accounts accounts = runner.get(Accounts.class);
        Transfers transfers = runner.get(Transfers.class);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(accounts.open(new BigDecimal("100")));
        }
        Random random = new Random(42);
        List<UUID> requested = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID from = ids.get(random.nextInt(ids.size()));
            UUID to = ids.get(random.nextInt(ids.size()));
            if (!from.equals(to)) {
                requested.add(transfers.request(from, to, new BigDecimal(1 + random.nextInt(60))));
            }
        }
        BigDecimal total = ids.stream().map(accounts::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("1000"), total);
        for (UUID id : requested) {
            Transfer transfer = transfers.get(id);
            assertTrue(transfer.status() != Transfer.Status.REQUESTED, "transfer " + id + " still requested");
            assertEquals(2, transfer.version(), "transfer " + id + " ended more than once");
        }
        assertTrue(ids.stream().allMatch(id -> accounts.balance(id).signum() >= 0));
    }

    @Test
    void getNamesOnlyApplicationsOfTheSystem() {
        assertThrows(IllegalArgumentException.class, () -> runner.get(Unrelated.class));
    }

    @Test
    void aFollowerMustBeAProcessApplication() {
        assertThrows(IllegalArgumentException.class,
                () -> ApplicationSystem.builder().pipe(Transfers.class, Unrelated.class));
    }

    public static class Unrelated extends dev.eventsourcing.application.Application {
    }
}
