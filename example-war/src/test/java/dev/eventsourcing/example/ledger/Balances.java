package dev.eventsourcing.example.ledger;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.example.bank.domainmodel.Account;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;

/**
 * A projection in the ledger's deployment that follows the bank's log over HTTP
 * ({@code eventsourcing.Balances.follow.Bank.url}) into rows of its own database: a balance and an
 * event count per account, written in the transaction that records its position in the bank's
 * log, so each bank event counts once.
 */
@Projection(Balances.NAME)
public class Balances {

    /** The projection's name, which keys its positions. */
    public static final String NAME = "Balances";

    @PersistenceContext(unitName = "ledger")
    EntityManager em;

    void opened(@Observes Account.Opened opened, DomainEvent<?> event) {
        em.persist(new BalanceRow(event.originatorId().toString()));
    }

    void deposited(@Observes Account.Deposited change, DomainEvent<?> event) {
        row(event).add(change.amount());
    }

    void withdrawn(@Observes Account.Withdrawn change, DomainEvent<?> event) {
        row(event).add(change.amount().negate());
    }

    void transferredIn(@Observes Account.TransferredIn change, DomainEvent<?> event) {
        row(event).add(change.amount());
    }

    void transferredOut(@Observes Account.TransferredOut change, DomainEvent<?> event) {
        row(event).add(change.amount().negate());
    }

    void limitSet(@Observes Account.OverdraftLimitSet change, DomainEvent<?> event) {
        row(event).add(BigDecimal.ZERO);
    }

    void closed(@Observes Account.Closed change, DomainEvent<?> event) {
        row(event).add(BigDecimal.ZERO);
    }

    /** The row of an account, or null when the projection has not seen it opened. */
    public BalanceRow find(String accountId) {
        return em.find(BalanceRow.class, accountId);
    }

    private BalanceRow row(DomainEvent<?> event) {
        BalanceRow row = find(event.originatorId().toString());
        if (row == null) {
            // Cannot happen while the log is processed in order; failing makes the extension retry.
            throw new IllegalStateException("Account " + event.originatorId() + " has no row: its opening was not projected");
        }
        return row;
    }
}
