package dev.eventsourcing.application.bank;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A bank account: the aggregate of the application scenario that every backend runs. */
public class BankAccount extends Aggregate {

    private String fullName;
    private String emailAddress;
    private BigDecimal balance = money(BigDecimal.ZERO);
    private BigDecimal overdraftLimit = money(BigDecimal.ZERO);
    private boolean closed;

    protected BankAccount() {
    }

    public static BankAccount open(String fullName, String emailAddress) {
        return create(BankAccount::new, new Opened(fullName, emailAddress));
    }

    public void deposit(BigDecimal amount) {
        checkOpen();
        trigger(new Deposited(positive(amount)));
    }

    public void withdraw(BigDecimal amount) {
        checkOpen();
        if (balance.add(overdraftLimit).compareTo(positive(amount)) < 0) {
            throw new InsufficientFundsException(id(), balance, amount);
        }
        trigger(new Withdrawn(amount));
    }

    public void setOverdraftLimit(BigDecimal limit) {
        checkOpen();
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("Overdraft limit must not be negative: " + limit);
        }
        trigger(new OverdraftLimitSet(limit));
    }

    public void close() {
        checkOpen();
        trigger(new Closed());
    }

    public String fullName() {
        return fullName;
    }

    public String emailAddress() {
        return emailAddress;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal overdraftLimit() {
        return overdraftLimit;
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new AccountClosedException(id());
        }
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("Amount must be positive: " + amount);
        }
        return amount;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public sealed interface Event extends AggregateEvent<BankAccount>
            permits Opened, Deposited, Withdrawn, OverdraftLimitSet, Closed {
    }

    public record Opened(String fullName, String emailAddress) implements Event {
        @Override
        public void apply(BankAccount account) {
            account.fullName = fullName;
            account.emailAddress = emailAddress;
        }
    }

    public record Deposited(BigDecimal amount) implements Event {
        @Override
        public void apply(BankAccount account) {
            account.balance = money(account.balance.add(amount));
        }
    }

    public record Withdrawn(BigDecimal amount) implements Event {
        @Override
        public void apply(BankAccount account) {
            account.balance = money(account.balance.subtract(amount));
        }
    }

    public record OverdraftLimitSet(BigDecimal limit) implements Event {
        @Override
        public void apply(BankAccount account) {
            account.overdraftLimit = money(limit);
        }
    }

    public record Closed() implements Event {
        @Override
        public void apply(BankAccount account) {
            account.closed = true;
        }
    }
}
