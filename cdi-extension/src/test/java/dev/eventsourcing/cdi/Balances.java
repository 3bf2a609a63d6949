package dev.eventsourcing.cdi;

import dev.eventsourcing.application.bank.BankAccount;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.Notification;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A projection as users write one, keeping its view in memory. */
@Projection("balances")
public class Balances {

    final Map<UUID, BigDecimal> balances = new ConcurrentHashMap<>();
    final List<Long> seen = new ArrayList<>();

    void opened(@Observes BankAccount.Opened event, DomainEvent<?> envelope) {
        balances.put(envelope.originatorId(), BigDecimal.ZERO.setScale(2));
    }

    void deposited(@Observes BankAccount.Deposited event, Notification notification) {
        seen.add(notification.id());
        balances.merge(notification.originatorId(), event.amount(), BigDecimal::add);
    }

    public int accounts() {
        return balances.size();
    }

    public BigDecimal balance(UUID id) {
        return balances.get(id);
    }

    public synchronized List<Long> seen() {
        return List.copyOf(seen);
    }
}
