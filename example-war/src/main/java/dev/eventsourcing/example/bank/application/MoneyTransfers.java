package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.application.AggregateNotFoundException;
import dev.eventsourcing.example.bank.domainmodel.Transfer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests transfers between accounts and reports how they end. A request is recorded at once
 * and settled afterwards, asynchronously, by the {@link Bank} following the {@link Transfers};
 * what can be known never to succeed is refused before anything is recorded.
 */
@Stateless
public class MoneyTransfers {

    @Inject
    Bank bank;

    @Inject
    Transfers transfers;

    /**
     * Records a transfer request and returns its id.
     *
     * @throws AggregateNotFoundException when either account does not exist
     * @throws IllegalArgumentException   when both accounts are the same, or the amount is not
     *                                    positive money
     */
    public UUID request(UUID from, UUID to, BigDecimal amount) {
        // Whether the money is there, and the accounts still open, is the bank's decision when
        // it settles: both may change before then. That an account exists cannot.
        requireAccount(from);
        requireAccount(to);
        return transfers.request(from, to, amount);
    }

    /** The transfer with this id, if there is one. */
    public Optional<Transfer> find(UUID id) {
        return transfers.transfers().find(id);
    }

    private void requireAccount(UUID id) {
        if (!bank.accounts().contains(id)) {
            throw new AggregateNotFoundException(id, "Account " + id + " not found");
        }
    }
}
