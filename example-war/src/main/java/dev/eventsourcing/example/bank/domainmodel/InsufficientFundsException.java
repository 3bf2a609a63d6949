package dev.eventsourcing.example.bank.domainmodel;

import java.math.BigDecimal;
import java.util.UUID;

/** A withdrawal would take the balance below minus the overdraft limit. */
public class InsufficientFundsException extends AccountException {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(UUID accountId, BigDecimal balance, BigDecimal overdraftLimit, BigDecimal amount) {
        super(accountId, "Account " + accountId + " cannot pay out " + Money.format(amount) + ": the balance is "
                + Money.format(balance) + " and the overdraft limit " + Money.format(overdraftLimit));
    }
}
