package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.example.bank.InMemoryBank;
import dev.eventsourcing.example.bank.TransferScenario;
import dev.eventsourcing.example.bank.TransferScenario.EndState;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import dev.eventsourcing.example.bank.domainmodel.Settlement;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bank's system of applications, run single-threaded on the in-memory store. */
class BankSystemTest {

    private final InMemoryBank bank = new InMemoryBank();

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void aCoveredTransferMovesTheMoneyOnceAndCompletes() {
        UUID alice = funded("Alice", "30.00");
        UUID bob = funded("Bob", "5.00");

        UUID transfer = bank.requestTransfer(alice, bob, new BigDecimal("12.50"));

        assertEquals("COMPLETED", bank.outcome(transfer));
        assertEquals(new BigDecimal("17.50"), bank.balance(alice));
        assertEquals(new BigDecimal("17.50"), bank.balance(bob));
        assertEquals(2, bank.transfers().transfers().get(transfer).version());
    }

    @Test
    void aTransferBeyondTheOverdraftIsRejectedAndMovesNothing() {
        UUID alice = funded("Alice", "10.00");
        UUID bob = funded("Bob", "0.01");
        Account account = bank.bank().accounts().get(alice);
        account.setOverdraftLimit(new BigDecimal("5.00"));
        bank.bank().save(account);

        UUID tooMuch = bank.requestTransfer(alice, bob, new BigDecimal("15.01"));
        UUID justEnough = bank.requestTransfer(alice, bob, new BigDecimal("15.00"));

        assertEquals("REJECTED: insufficient funds", bank.outcome(tooMuch));
        assertEquals("COMPLETED", bank.outcome(justEnough));
        assertEquals(new BigDecimal("-5.00"), bank.balance(alice));
        assertEquals(new BigDecimal("15.01"), bank.balance(bob));
    }

    @Test
    void aTransferFromOrToAClosedAccountIsRejected() {
        UUID alice = funded("Alice", "10.00");
        UUID bob = funded("Bob", "10.00");
        bank.close(bob);

        assertEquals("REJECTED: account closed", bank.outcome(bank.requestTransfer(alice, bob, BigDecimal.ONE)));
        assertEquals("REJECTED: account closed", bank.outcome(bank.requestTransfer(bob, alice, BigDecimal.ONE)));
        assertEquals(new BigDecimal("10.00"), bank.balance(alice));
        assertEquals(new BigDecimal("10.00"), bank.balance(bob));
    }

    @Test
    void aTransferBetweenAccountsTheBankDoesNotHoldIsRejectedNotStuck() {
        // The API refuses these up front; the process must still end them if one gets through.
        UUID alice = funded("Alice", "10.00");

        UUID transfer = bank.requestTransfer(alice, UUID.randomUUID(), BigDecimal.ONE);

        assertEquals("REJECTED: unknown account", bank.outcome(transfer));
        assertEquals(new BigDecimal("10.00"), bank.balance(alice));
    }

    @Test
    void aRequestForMoreThanTheBankNowAcceptsIsRejectedAndTheBankGoesOn() {
        UUID alice = funded("Alice", "10.00");
        UUID bob = funded("Bob", "0.01");
        Transfer tooLarge = RequestedBeforeTheMaximum.recorded(alice, bob, Money.MAX.add(new BigDecimal("0.01")));
        bank.transfers().save(tooLarge);

        UUID next = bank.requestTransfer(alice, bob, BigDecimal.ONE);

        assertEquals("REJECTED: invalid amount", bank.outcome(tooLarge.id()));
        assertEquals("COMPLETED", bank.outcome(next));
        assertEquals(new BigDecimal("9.00"), bank.balance(alice));
        assertEquals(new BigDecimal("1.01"), bank.balance(bob));
    }

    @Test
    void aSecondSettlementOfTheSameTransferIsRefusedByTheStore() {
        UUID alice = funded("Alice", "10.00");
        UUID bob = funded("Bob", "0.01");
        UUID transfer = bank.requestTransfer(alice, bob, BigDecimal.ONE);

        // As if the request were processed again: the settlement's id is taken already.
        assertThrows(IntegrityException.class, () -> bank.bank().save(Settlement.settled(transfer)));
        assertEquals(new BigDecimal("9.00"), bank.balance(alice));
    }

    @Test
    void eachProcessReadsOnlyTheEventsItsPolicyActsOn() {
        // An account event the bank's log holds but cannot decode: the transfers follow the
        // bank for its settlements only, so they never fetch it, and the transfer completes.
        UUID alice = funded("Alice", "30.00");
        UUID bob = funded("Bob", "5.00");
        String deposited = bank.bank().mapper().topicsOf(Account.Deposited.class).iterator().next();
        bank.bank().recorder().insertEvents(List.of(new StoredEvent(UUID.randomUUID(), 1, deposited,
                "not an event".getBytes(StandardCharsets.UTF_8))));

        UUID transfer = bank.requestTransfer(alice, bob, new BigDecimal("12.50"));

        assertEquals("COMPLETED", bank.outcome(transfer));
        assertEquals(Set.of(Transfer.Requested.class), bank.bank().observedTypes());
        assertEquals(Set.of(Settlement.Settled.class, Settlement.Refused.class), bank.transfers().observedTypes());
    }

    @Test
    void theScenarioEndsInItsPlannedState() throws Exception {
        TransferScenario scenario = new TransferScenario(10, 200, 11);

        EndState actual = scenario.run(bank, 1, Duration.ofSeconds(5));

        assertEquals(scenario.expected(), actual);
        assertEquals(scenario.expected().total(), actual.total(), "money is conserved");
        assertTrue(actual.count(TransferScenario.COMPLETED) > 100, "most transfers complete");
        assertTrue(actual.count(TransferScenario.CLOSED) > 0, "some touch the closed account");
        assertTrue(actual.count(TransferScenario.NO_FUNDS) > 0, "some ask for too much");
    }

    private UUID funded(String name, String amount) {
        UUID id = bank.open(name, name.toLowerCase() + "@example.com");
        bank.deposit(id, new BigDecimal(amount));
        return id;
    }

    /**
     * A transfer requested as it could be before {@link Money#MAX} existed: its event holds any
     * positive amount, which {@link Transfer#request} refuses today.
     */
    private static final class RequestedBeforeTheMaximum extends Transfer {
        static Transfer recorded(UUID from, UUID to, BigDecimal amount) {
            return create(RequestedBeforeTheMaximum::new, new Transfer.Requested(from, to, amount));
        }
    }
}
