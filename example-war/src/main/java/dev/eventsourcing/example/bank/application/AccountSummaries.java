package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.Shredding;
import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import dev.eventsourcing.projection.ShreddedEvent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The projection that keeps the read model of {@link AccountSummary} rows, one per account, from
 * the bank's events; and the statistics computed from it.
 *
 * <p>The event sourcing extension calls the {@code @Observes} methods after each commit, once
 * per stored event, in notification order, in a transaction that also records the projection's
 * position: the injected entity manager joins it, so each event changes the rows exactly once.
 *
 * <p>When the bank shreds an account holder's personal data, the row keeps the balance and
 * loses the name ({@link AccountSummary#ERASED}).
 */
@Projection(AccountSummaries.NAME)
public class AccountSummaries {

    /** The projection's name, which keys its tracking position. */
    public static final String NAME = "AccountSummaries";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    void opened(@Observes Account.Opened opened, DomainEvent<?> event) {
        em.persist(new AccountSummary(event.originatorId(), opened.fullName(), Money.ZERO, event.originatorVersion()));
    }

    // An account opened before its holder's personal data was shredded, read by the projection
    // only afterwards (a rebuilt read model): its row starts without the name.
    void openedShredded(@Observes ShreddedEvent<Account.Opened> opened) {
        em.persist(new AccountSummary(opened.originatorId(), AccountSummary.ERASED, Money.ZERO, opened.originatorVersion()));
    }

    // Called once the bank shredded the holder's personal data, after every event of the account
    // recorded before, also when the read model is rebuilt.
    void shredded(@Observes Shredding.SubjectShredded shredded) {
        AccountSummary summary = find(shredded.subject());
        if (summary != null) {
            summary.erasePersonalData();
        }
    }

    void deposited(@Observes Account.Deposited deposited, DomainEvent<?> event) {
        summary(event).changeBalance(deposited.amount(), event.originatorVersion());
    }

    void withdrawn(@Observes Account.Withdrawn withdrawn, DomainEvent<?> event) {
        summary(event).changeBalance(withdrawn.amount().negate(), event.originatorVersion());
    }

    void transferredOut(@Observes Account.TransferredOut transferred, DomainEvent<?> event) {
        summary(event).changeBalance(transferred.amount().negate(), event.originatorVersion());
    }

    void transferredIn(@Observes Account.TransferredIn transferred, DomainEvent<?> event) {
        summary(event).changeBalance(transferred.amount(), event.originatorVersion());
    }

    void overdraftLimitSet(@Observes Account.OverdraftLimitSet limitSet, DomainEvent<?> event) {
        summary(event).touch(event.originatorVersion());
    }

    void closed(@Observes Account.Closed closed, DomainEvent<?> event) {
        summary(event).close(event.originatorVersion());
    }

    /** The summary of an account, or null when the projection has not seen it opened yet. */
    public AccountSummary find(UUID accountId) {
        return em.find(AccountSummary.class, accountId.toString());
    }

    /** How many accounts the read model holds and the sum of their balances. */
    public Statistics statistics() {
        Object[] row = (Object[]) em.createQuery("SELECT COUNT(s), SUM(s.balance) FROM AccountSummary s")
                .getSingleResult();
        long accounts = ((Number) row[0]).longValue();
        BigDecimal total = row[1] == null ? Money.ZERO : new BigDecimal(row[1].toString());
        return new Statistics(accounts, total.setScale(2));
    }

    private AccountSummary summary(DomainEvent<?> event) {
        AccountSummary summary = find(event.originatorId());
        if (summary == null) {
            // Cannot happen while events are processed in order; failing makes the extension retry.
            throw new IllegalStateException("Account " + event.originatorId() + " has no summary: its Opened event"
                    + " was not projected");
        }
        return summary;
    }
}
