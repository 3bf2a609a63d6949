package dev.eventsourcing.example.bank.domainmodel;

import dev.eventsourcing.application.Application;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's rules, on the in-memory store: no server, no database. */
class AccountTest {

    @Test
    void anOpenedAccountHasAZeroBalanceAndNoOverdraft() {
        Account account = Account.open("Alice", "alice@example.com");

        assertEquals("Alice", account.fullName());
        assertEquals(new BigDecimal("0.00"), account.balance());
        assertEquals(new BigDecimal("0.00"), account.overdraftLimit());
        assertFalse(account.isClosed());
        assertEquals(1, account.version());
    }

    @Test
    void depositsAndWithdrawalsChangeTheBalanceWithTwoDecimalPlaces() {
        Account account = Account.open("Bob", "bob@example.com");

        account.deposit(new BigDecimal("10.5"));
        account.withdraw(new BigDecimal("0.25"));

        assertEquals(new BigDecimal("10.25"), account.balance());
        assertEquals(3, account.version());
    }

    @Test
    void aWithdrawalMayUseTheOverdraftButNoMore() {
        Account account = Account.open("Carol", "carol@example.com");
        account.setOverdraftLimit(new BigDecimal("50"));

        account.withdraw(new BigDecimal("50.00"));

        assertEquals(new BigDecimal("-50.00"), account.balance());
        assertThrows(InsufficientFundsException.class, () -> account.withdraw(new BigDecimal("0.01")));
        assertEquals(3, account.version(), "a refused command triggers nothing");
    }

    @Test
    void aClosedAccountRefusesEveryCommand() {
        Account account = Account.open("Dan", "dan@example.com");
        account.close();

        assertTrue(account.isClosed());
        assertThrows(AccountClosedException.class, () -> account.deposit(BigDecimal.ONE));
        assertThrows(AccountClosedException.class, () -> account.withdraw(BigDecimal.ONE));
        assertThrows(AccountClosedException.class, () -> account.setOverdraftLimit(BigDecimal.ONE));
        assertThrows(AccountClosedException.class, account::close);
        assertEquals(2, account.version());
    }

    @Test
    void badAmountsAndNamesAreRefusedWithoutAnEvent() {
        Account account = Account.open("Eve", "eve@example.com");

        assertThrows(IllegalArgumentException.class, () -> account.deposit(BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> account.deposit(new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> account.deposit(new BigDecimal("0.001")));
        assertThrows(IllegalArgumentException.class, () -> account.deposit(null));
        assertThrows(IllegalArgumentException.class, () -> account.setOverdraftLimit(new BigDecimal("-0.01")));
        assertThrows(IllegalArgumentException.class, () -> Account.open(" ", "x@example.com"));
        assertEquals(1, account.version());
    }

    @Test
    void everyCommandTakesTheMaximumAmountAndRefusesOneCentMoreWithoutAnEvent() {
        UUID transferId = UUID.randomUUID();
        BigDecimal oneCentMore = new BigDecimal("1000000000.01");
        Account account = Account.open("Gina", "gina@example.com");

        account.deposit(Money.MAX);
        account.withdraw(Money.MAX);
        account.setOverdraftLimit(Money.MAX);
        account.transferIn(transferId, Money.MAX);
        account.transferOut(transferId, Money.MAX);

        assertThrows(InvalidAmountException.class, () -> account.deposit(oneCentMore));
        assertThrows(InvalidAmountException.class, () -> account.withdraw(oneCentMore));
        assertThrows(InvalidAmountException.class, () -> account.setOverdraftLimit(oneCentMore));
        assertThrows(InvalidAmountException.class, () -> account.transferIn(transferId, oneCentMore));
        assertThrows(InvalidAmountException.class, () -> account.transferOut(transferId, oneCentMore));
        assertEquals(Money.ZERO, account.balance());
        assertEquals(Money.MAX, account.overdraftLimit());
        assertEquals(6, account.version());
    }

    @Test
    void anEventRecordedBeforeTheMaximumExistedStillApplies() {
        Account account = Account.open("Hank", "hank@example.com");
        BigDecimal recordedLongAgo = new BigDecimal("5000000000.00");

        new Account.Deposited(recordedLongAgo).apply(account);

        assertEquals(recordedLongAgo, account.balance());
    }

    @Test
    void aNameAndAnAddressMayBeAsLongAsTheirLimitsAndNoLonger() {
        String longestName = "n".repeat(200);
        String longestAddress = "a".repeat(242) + "@example.com";

        Account account = Account.open(longestName, longestAddress);

        assertEquals(longestName, account.fullName());
        assertEquals(254, account.emailAddress().length());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> Account.open(longestName + "n", longestAddress));
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class,
                () -> Account.open(longestName, "a" + longestAddress));
        assertEquals("fullName must be at most 200 characters, was 201", name.getMessage());
        assertEquals("emailAddress must be at most 254 characters, was 255", address.getMessage());
    }

    @Test
    void lengthsCountCharactersNotTheWhiteSpaceAroundThem() {
        String twoHundredEmoji = "\uD83D\uDE00".repeat(200);

        assertEquals(twoHundredEmoji, Account.open(twoHundredEmoji, "x@example.com").fullName());
        assertEquals(200, Account.open("  " + "n".repeat(200) + "\t", "x@example.com").fullName().length());
    }

    @Test
    void anAccountRebuiltFromItsStoredEventsEqualsTheOneSaved() {
        try (Application bank = new Application()) {
            Account account = Account.open("Frank", "frank@example.com");
            account.deposit(new BigDecimal("100.00"));
            account.setOverdraftLimit(new BigDecimal("20.00"));
            account.withdraw(new BigDecimal("110.00"));
            bank.save(account);

            Account again = bank.repository(Account.class).get(account.id());

            assertEquals(new BigDecimal("-10.00"), again.balance());
            assertEquals(new BigDecimal("20.00"), again.overdraftLimit());
            assertEquals("frank@example.com", again.emailAddress());
            assertEquals(4, again.version());
        }
    }

    @Test
    void transfersMoveMoneyUnderTheSameRulesAsWithdrawalsAndDeposits() {
        UUID transferId = UUID.randomUUID();
        Account from = Account.open("Erin", "erin@example.com");
        Account to = Account.open("Frank", "frank@example.com");
        from.deposit(new BigDecimal("20.00"));

        from.transferOut(transferId, new BigDecimal("12.5"));
        to.transferIn(transferId, new BigDecimal("12.5"));

        assertEquals(new BigDecimal("7.50"), from.balance());
        assertEquals(new BigDecimal("12.50"), to.balance());
        assertThrows(InsufficientFundsException.class, () -> from.transferOut(transferId, new BigDecimal("7.51")));
        assertThrows(IllegalArgumentException.class, () -> to.transferIn(transferId, BigDecimal.ZERO));
        to.close();
        assertThrows(AccountClosedException.class, () -> to.transferIn(transferId, BigDecimal.ONE));
        assertThrows(AccountClosedException.class, () -> to.transferOut(transferId, BigDecimal.ONE));
        assertEquals(3, from.version(), "refused transfers trigger nothing");
    }
}
