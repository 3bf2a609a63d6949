package dev.eventsourcing.example.bank.domainmodel;

import dev.eventsourcing.testing.AggregateFixture;
import dev.eventsourcing.testing.EventMatcher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account's rules as given events, a command, then events: every event also goes through
 * the mapper and back, and the account is rebuilt from them as the bank's repository rebuilds it.
 */
class AccountFixtureTest {

    private static final Account.Opened OPENED = new Account.Opened("Alice", "alice@example.com");

    private static AggregateFixture<Account> account() {
        return AggregateFixture.of(Account.class);
    }

    @Test
    void openingAnAccountRecordsTheCustomerWithoutSurroundingSpaceAndAZeroBalance() {
        account().whenCreating(() -> Account.open("  Alice ", "alice@example.com "))
                .then(OPENED)
                .thenState(account -> assertEquals(new BigDecimal("0.00"), account.balance()));
    }

    @Test
    void aWithdrawalWithinTheBalanceIsPaidOut() {
        account().given(OPENED, new Account.Deposited(new BigDecimal("50")))
                .when(account -> account.withdraw(new BigDecimal("20.5")))
                .then(new Account.Withdrawn(new BigDecimal("20.50")))
                .thenState(account -> assertEquals(new BigDecimal("29.50"), account.balance()));
    }

    @Test
    void aWithdrawalBeyondTheOverdraftLimitIsRefusedWithoutAnEvent() {
        AggregateFixture<Account> fixture = account()
                .given(OPENED, new Account.Deposited(new BigDecimal("10")), new Account.OverdraftLimitSet(new BigDecimal("5")));

        fixture.when(account -> account.withdraw(new BigDecimal("15.01")))
                .thenThrows(InsufficientFundsException.class, "Account " + fixture.id()
                        + " cannot pay out 15.01: the balance is 10.00 and the overdraft limit 5.00")
                .thenState(account -> assertEquals(3, account.version()));
    }

    @Test
    void theOverdraftMayBeUsedToTheLimit() {
        account().given(OPENED, new Account.OverdraftLimitSet(new BigDecimal("50")))
                .when(account -> account.withdraw(new BigDecimal("50")))
                .then(new Account.Withdrawn(new BigDecimal("50.00")))
                .thenState(account -> assertEquals(new BigDecimal("-50.00"), account.balance()));
    }

    @Test
    void aTransferOutKeepsItsTransferIdWithTheDebit() {
        UUID transferId = UUID.randomUUID();

        account().given(OPENED, new Account.TransferredIn(UUID.randomUUID(), new BigDecimal("30")))
                .when(account -> account.transferOut(transferId, new BigDecimal("30")))
                .thenEventsMatch(EventMatcher.of(Account.TransferredOut.class, "the transfer's id",
                        out -> out.transferId().equals(transferId)))
                .thenState(account -> assertEquals(new BigDecimal("0.00"), account.balance()));
    }

    @Test
    void aClosedAccountRefusesDepositsAndASecondClosing() {
        account().given(OPENED, new Account.Closed())
                .when(account -> account.deposit(BigDecimal.ONE))
                .thenThrows(AccountClosedException.class);
        account().given(OPENED, new Account.Closed())
                .when(Account::close)
                .thenThrows(AccountClosedException.class)
                .thenState(account -> assertTrue(account.isClosed()));
    }

    @Test
    void closingAnOpenAccountClosesIt() {
        account().given(OPENED)
                .when(Account::close)
                .then(new Account.Closed())
                .thenState(account -> assertTrue(account.isClosed()));
    }
}
