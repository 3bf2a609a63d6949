package dev.eventsourcing.example.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A row of the ledger's read model: an account's balance and how many of its events it has seen. */
@Entity
@Table(name = "ledger_balances")
public class BalanceRow {

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Column(name = "balance", precision = 19, scale = 2, nullable = false)
    private BigDecimal balance;

    @Column(name = "events", nullable = false)
    private long events;

    protected BalanceRow() {
    }

    BalanceRow(String accountId) {
        this.accountId = accountId;
        this.balance = BigDecimal.ZERO.setScale(2);
        this.events = 1;
    }

    void add(BigDecimal change) {
        balance = balance.add(change);
        events++;
    }

    public BigDecimal balance() {
        return balance;
    }

    public long events() {
        return events;
    }
}
