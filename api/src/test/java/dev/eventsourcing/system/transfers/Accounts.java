package dev.eventsourcing.system.transfers;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** Holds the accounts; settles each requested transfer exactly once, or refuses it. */
public class Accounts extends ProcessApplication {

    public Accounts(Settings settings) {
        super(settings);
    }

    // Its own aggregates, and the transfers whose requests it settles when it follows a remote log.
    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Account.class, Settlement.class, Transfer.class);
    }

    public UUID open(BigDecimal initialBalance) {
        Account account = Account.open(initialBalance);
        save(account);
        return account.id();
    }

    public void close(UUID id) {
        Account account = repository(Account.class).get(id);
        account.close();
        save(account);
    }

    public BigDecimal balance(UUID id) {
        return repository(Account.class).get(id).balance();
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
        if (event.payload() instanceof Transfer.Requested requested) {
            UUID transferId = event.originatorId();
            Account from = repository(Account.class).get(requested.from());
            Account to = repository(Account.class).get(requested.to());
            if (from.isClosed() || to.isClosed()) {
                processing.collectEvents(Settlement.refused(transferId, "account closed"));
            } else if (from.balance().compareTo(requested.amount()) < 0) {
                processing.collectEvents(Settlement.refused(transferId, "insufficient funds"));
            } else {
                from.debit(transferId, requested.amount());
                to.credit(transferId, requested.amount());
                processing.collectEvents(from, to, Settlement.settled(transferId));
            }
        }
    }
}
