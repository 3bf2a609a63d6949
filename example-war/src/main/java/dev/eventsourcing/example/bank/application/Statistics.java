package dev.eventsourcing.example.bank.application;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Figures over all accounts, from the read model: eventually consistent, they include every
 * event the projection has processed so far.
 *
 * @param accounts     how many accounts were opened (closed ones included)
 * @param totalBalance the sum of their balances
 */
public record Statistics(long accounts, BigDecimal totalBalance) {

    public Statistics {
        if (accounts < 0) {
            throw new IllegalArgumentException("accounts must not be negative, was " + accounts);
        }
        Objects.requireNonNull(totalBalance, "totalBalance");
    }
}
