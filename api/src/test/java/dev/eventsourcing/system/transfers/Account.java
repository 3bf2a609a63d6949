package dev.eventsourcing.system.transfers;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.util.UUID;

/** An account that money is transferred from and to. */
public class Account extends Aggregate {

    private BigDecimal balance = BigDecimal.ZERO;
    private boolean closed;

    public static Account open(BigDecimal initialBalance) {
        return create(Account::new, new Opened(initialBalance));
    }

    public void debit(UUID transferId, BigDecimal amount) {
        trigger(new Debited(transferId, amount));
    }

    public void credit(UUID transferId, BigDecimal amount) {
        trigger(new Credited(transferId, amount));
    }

    public void close() {
        trigger(new Closed());
    }

    public BigDecimal balance() {
        return balance;
    }

    public boolean isClosed() {
        return closed;
    }

    public sealed interface Event extends AggregateEvent<Account> permits Opened, Debited, Credited, Closed {
    }

    public record Opened(BigDecimal initialBalance) implements Event {
        @Override
        public void apply(Account account) {
            account.balance = initialBalance;
        }
    }

    public record Debited(UUID transferId, BigDecimal amount) implements Event {
        @Override
        public void apply(Account account) {
            account.balance = account.balance.subtract(amount);
        }
    }

    public record Credited(UUID transferId, BigDecimal amount) implements Event {
        @Override
        public void apply(Account account) {
            account.balance = account.balance.add(amount);
        }
    }

    public record Closed() implements Event {
        @Override
        public void apply(Account account) {
            account.closed = true;
        }
    }
}
