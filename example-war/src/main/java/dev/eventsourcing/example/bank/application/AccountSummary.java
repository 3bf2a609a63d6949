package dev.eventsourcing.example.bank.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of the read model: an account as the {@link AccountSummaries} projection last saw it.
 * Changed only by the projection, one event at a time; {@link #version()} is the version of the
 * last event applied, so a row is never changed twice by the same event.
 */
@Entity
@Table(name = "bank_account_summaries")
public class AccountSummary {

    /** The name of an account whose holder's personal data was shredded. */
    public static final String ERASED = "";

    @Id
    @Column(name = "account_id", length = 36, nullable = false, updatable = false)
    private String accountId;

    @Column(name = "full_name", length = 1000, nullable = false)
    private String fullName;

    @Column(name = "balance", precision = 19, scale = 2, nullable = false)
    private BigDecimal balance;

    @Column(name = "closed", nullable = false)
    private boolean closed;

    @Column(name = "version", nullable = false)
    private long version;

    protected AccountSummary() {
    }

    AccountSummary(UUID accountId, String fullName, BigDecimal balance, long version) {
        this.accountId = accountId.toString();
        this.fullName = fullName;
        this.balance = balance;
        this.version = version;
    }

    public UUID accountId() {
        return UUID.fromString(accountId);
    }

    public String fullName() {
        return fullName;
    }

    public BigDecimal balance() {
        return balance;
    }

    public boolean closed() {
        return closed;
    }

    public long version() {
        return version;
    }

    void changeBalance(BigDecimal difference, long eventVersion) {
        balance = balance.add(difference);
        version = eventVersion;
    }

    void close(long eventVersion) {
        closed = true;
        version = eventVersion;
    }

    void erasePersonalData() {
        fullName = ERASED;
    }

    void touch(long eventVersion) {
        version = eventVersion;
    }
}
