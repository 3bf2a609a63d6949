package dev.eventsourcing.benchmarks;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import java.math.BigDecimal;

/**
 * The aggregate of the scenarios that go through the application: an account whose deposits
 * are events about as large as the recorder scenarios' stored events (some 110 bytes of JSON).
 */
public final class BenchAccount extends Aggregate {

    private String owner;
    private BigDecimal balance = BigDecimal.ZERO;
    private int deposits;

    private BenchAccount() {
    }

    /** Opens an account: its first event. */
    static BenchAccount open(String owner) {
        return create(BenchAccount::new, new Opened(owner));
    }

    /** Deposits an amount: one more event. */
    void deposit(BigDecimal amount, String reference) {
        trigger(new Deposited(amount, "EUR", reference));
    }

    int deposits() {
        return deposits;
    }

    BigDecimal balance() {
        return balance;
    }

    String owner() {
        return owner;
    }

    /** The events of an account. */
    public sealed interface Event extends AggregateEvent<BenchAccount> permits Opened, Deposited {
    }

    /** The account was opened. @param owner who owns it */
    public record Opened(String owner) implements Event {
        @Override
        public void apply(BenchAccount a) {
            a.owner = owner;
        }
    }

    /**
     * Money was paid in.
     *
     * @param amount    how much
     * @param currency  in which currency
     * @param reference what the payer wrote
     */
    public record Deposited(BigDecimal amount, String currency, String reference) implements Event {
        @Override
        public void apply(BenchAccount a) {
            a.balance = a.balance.add(amount);
            a.deposits++;
        }
    }
}
