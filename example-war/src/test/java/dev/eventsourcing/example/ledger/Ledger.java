package dev.eventsourcing.example.ledger;

import dev.eventsourcing.Settings;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Settlement;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A second deployment's own view of the bank: it follows the bank's notification log over HTTP
 * (configured as {@code eventsourcing.Ledger.follow.Bank.url}) and keeps an
 * {@link AccountActivity} per bank account. The activity and the ledger's position in the
 * bank's log are recorded in one transaction, so each bank event is recorded exactly once,
 * whichever side restarts.
 */
public class Ledger extends ProcessApplication {

    public Ledger(Settings settings) {
        super(settings);
    }

    /** Its own aggregate, and the classes of the bank's log: accounts, and settlements it passes over. */
    @Override
    protected Set<Class<?>> domainClasses() {
        return Set.of(AccountActivity.class, Account.class, Settlement.class);
    }

    /** The activity of a bank account, unless the ledger has not seen it opened yet. */
    public Optional<AccountActivity> activity(UUID accountId) {
        return repository(AccountActivity.class).find(accountId);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
        long notificationId = processing.tracking().notificationId();
        if (event.payload() instanceof Account.Opened opened) {
            processing.collectEvents(AccountActivity.start(event.originatorId(), opened.fullName(), notificationId));
        } else if (event.payload() instanceof Account.Event change) {
            AccountActivity activity = repository(AccountActivity.class).get(event.originatorId());
            activity.record(notificationId, event.originatorVersion(), balanceChange(change));
            processing.collectEvents(activity);
        }
    }

    private static BigDecimal balanceChange(Account.Event event) {
        if (event instanceof Account.Deposited e) {
            return e.amount();
        } else if (event instanceof Account.TransferredIn e) {
            return e.amount();
        } else if (event instanceof Account.Withdrawn e) {
            return e.amount().negate();
        } else if (event instanceof Account.TransferredOut e) {
            return e.amount().negate();
        }
        return BigDecimal.ZERO;
    }
}
