package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Repository;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.ShreddedException;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.AccountClosedException;
import dev.eventsourcing.example.bank.domainmodel.InsufficientFundsException;
import dev.eventsourcing.example.bank.domainmodel.InvalidAmountException;
import dev.eventsourcing.example.bank.domainmodel.Settlement;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The bank: holds the accounts, and settles the transfers that {@link Transfers} records.
 *
 * <p>For each requested transfer the bank records, in one transaction with its position in the
 * transfers' log, either the debit, the credit and a {@link Settlement} saying so, or only a
 * settlement refusing the transfer. That is what makes each transfer move money exactly once,
 * also when a server dies half-way or two servers process the same log. Whatever the domain
 * model refuses (a closed account, insufficient funds, an amount it no longer accepts) becomes a
 * refusal with its reason, never an exception: an exception would stop the bank's processing of
 * that request until someone retried or skipped it.
 */
public class Bank extends ProcessApplication {

    public Bank(Settings settings) {
        super(settings);
    }

    /** Its accounts and settlements, and the transfers whose requests it settles. */
    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(Account.class, Settlement.class, Transfer.class);
    }

    /** The accounts. */
    public Repository<Account> accounts() {
        return repository(Account.class);
    }

    /**
     * Only transfer requests: the bank's runner then reads just those from the transfers' log,
     * filtered where the log is stored, and moves past the rest without fetching them.
     */
    @Override
    public Set<Class<?>> observedTypes() {
        return Set.of(Transfer.Requested.class);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
        if (event.payload() instanceof Transfer.Requested requested) {
            settle(event.originatorId(), requested, processing);
        }
    }

    private void settle(UUID transferId, Transfer.Requested requested, ProcessingEvent processing) {
        Optional<Account> source;
        Optional<Account> target;
        try {
            source = accounts().find(requested.from());
            target = accounts().find(requested.to());
        } catch (ShreddedException e) {
            processing.collectEvents(Settlement.refused(transferId, Settlement.ACCOUNT_SHREDDED));
            return;
        }
        // A refusal must be an event, not an exception: an exception would leave the request
        // parked, unanswered, until an operator retried or skipped it.
        if (source.isEmpty() || target.isEmpty()) {
            processing.collectEvents(Settlement.refused(transferId, Settlement.UNKNOWN_ACCOUNT));
            return;
        }
        Account from = source.get();
        Account to = target.get();
        // The target is checked first: once the source is debited, crediting must not fail.
        if (to.isClosed()) {
            processing.collectEvents(Settlement.refused(transferId, Settlement.ACCOUNT_CLOSED));
            return;
        }
        try {
            from.transferOut(transferId, requested.amount());
            to.transferIn(transferId, requested.amount());
            processing.collectEvents(from, to, Settlement.settled(transferId));
        } catch (AccountClosedException e) {
            processing.collectEvents(Settlement.refused(transferId, Settlement.ACCOUNT_CLOSED));
        } catch (InsufficientFundsException e) {
            processing.collectEvents(Settlement.refused(transferId, Settlement.INSUFFICIENT_FUNDS));
        } catch (InvalidAmountException e) {
            // A request recorded before the amounts the domain accepts were narrowed (Money.MAX).
            // Nothing is collected from the accounts here, so a debit already triggered is dropped.
            processing.collectEvents(Settlement.refused(transferId, Settlement.INVALID_AMOUNT));
        }
    }
}
