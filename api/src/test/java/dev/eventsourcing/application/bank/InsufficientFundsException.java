package dev.eventsourcing.application.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** A withdrawal would take an account below its overdraft limit. */
public class InsufficientFundsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(UUID id, BigDecimal balance, BigDecimal amount) {
        super("Account " + id + " has balance " + balance + ", cannot withdraw " + amount);
    }
}
