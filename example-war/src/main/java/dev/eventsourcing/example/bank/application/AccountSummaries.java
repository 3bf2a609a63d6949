package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.domainmodel.Account;
import dev.eventsourcing.example.bank.domainmodel.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The projection that keeps the read model of {@link AccountSummary} rows, one per account, from
 * the bank's events; and the statistics computed from it.
 *
 * <p>It writes with the caller's entity manager, in the caller's transaction, which also records
 * the projection's tracking position: each event changes the rows exactly once.
 */
@ApplicationScoped
public class AccountSummaries {

    /** The projection's name, under which its tracking positions are recorded. */
    public static final String NAME = "AccountSummaries";

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    /** Applies one of the bank's events to the read model; events of other aggregates are ignored. */
    public void on(DomainEvent<?> event) {
        UUID id = event.originatorId();
        long version = event.originatorVersion();
        if (event.payload() instanceof Account.Opened opened) {
            em.persist(new AccountSummary(id, opened.fullName(), Money.ZERO, version));
        } else if (event.payload() instanceof Account.Deposited deposited) {
            summary(id).changeBalance(deposited.amount(), version);
        } else if (event.payload() instanceof Account.Withdrawn withdrawn) {
            summary(id).changeBalance(withdrawn.amount().negate(), version);
        } else if (event.payload() instanceof Account.Closed) {
            summary(id).close(version);
        } else if (event.payload() instanceof Account.Event) {
            summary(id).touch(version);
        }
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

    private AccountSummary summary(UUID id) {
        AccountSummary summary = find(id);
        if (summary == null) {
            throw new IllegalStateException("Account " + id + " has events but no summary: its Opened event was"
                    + " not projected");
        }
        return summary;
    }
}
