package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A test aggregate whose state has collections, BigDecimal, Optional and java.time values. */
public class Account extends Aggregate {

    private String owner;
    private BigDecimal balance = BigDecimal.ZERO;
    private final List<BigDecimal> deposits = new ArrayList<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private final Map<UUID, Transfer> transfers = new LinkedHashMap<>();
    private Optional<LocalDate> closedOn = Optional.empty();
    private Currency currency;
    private transient int commandsSinceLoad;

    private Account() {
    }

    public static Account open(String owner, Currency currency) {
        return create(Account::new, new Opened(owner, currency));
    }

    public void deposit(BigDecimal amount) {
        commandsSinceLoad++;
        trigger(new Deposited(amount));
    }

    public void tag(String tag) {
        trigger(new Tagged(tag));
    }

    public void transfer(UUID to, BigDecimal amount) {
        trigger(new Transferred(new Transfer(to, amount)));
    }

    public void close(LocalDate on) {
        trigger(new Closed(on));
    }

    public String owner() {
        return owner;
    }

    public BigDecimal balance() {
        return balance;
    }

    public List<BigDecimal> deposits() {
        return deposits;
    }

    public Set<String> tags() {
        return tags;
    }

    public Map<UUID, Transfer> transfers() {
        return transfers;
    }

    public Optional<LocalDate> closedOn() {
        return closedOn;
    }

    public Currency currency() {
        return currency;
    }

    public int commandsSinceLoad() {
        return commandsSinceLoad;
    }

    public enum Currency { EUR, GBP }

    public record Transfer(UUID to, BigDecimal amount) {
    }

    public sealed interface Event extends AggregateEvent<Account> permits Opened, Deposited, Tagged, Transferred, Closed {
    }

    public record Opened(String owner, Currency currency) implements Event {
        public void apply(Account a) {
            a.owner = owner;
            a.currency = currency;
        }
    }

    public record Deposited(BigDecimal amount) implements Event {
        public void apply(Account a) {
            a.balance = a.balance.add(amount);
            a.deposits.add(amount);
        }
    }

    public record Tagged(String tag) implements Event {
        public void apply(Account a) {
            a.tags.add(tag);
        }
    }

    public record Transferred(Transfer transfer) implements Event {
        public void apply(Account a) {
            a.balance = a.balance.subtract(transfer.amount());
            a.transfers.put(transfer.to(), transfer);
        }
    }

    public record Closed(LocalDate on) implements Event {
        public void apply(Account a) {
            a.closedOn = Optional.of(on);
        }
    }
}
