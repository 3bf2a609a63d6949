package dev.eventsourcing.cdi.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A row of the tests' view: one per deposit a projection handled. */
@Entity
@Table(name = "deposit_view")
public class DepositRow {

    /** The view's DDL, the same on H2 and PostgreSQL. */
    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS deposit_view (
                id UUID PRIMARY KEY,
                notification_id BIGINT NOT NULL,
                account_id UUID NOT NULL,
                amount NUMERIC(19, 2) NOT NULL)""";

    @Id
    private UUID id;

    @Column(name = "notification_id")
    private long notificationId;

    @Column(name = "account_id")
    private UUID accountId;

    private BigDecimal amount;

    protected DepositRow() {
    }

    public DepositRow(long notificationId, UUID accountId, BigDecimal amount) {
        this.id = UUID.randomUUID();
        this.notificationId = notificationId;
        this.accountId = accountId;
        this.amount = amount;
    }
}
