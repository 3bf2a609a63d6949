package dev.eventsourcing.example.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** What the transfer scenarios do with a bank, whether it runs in memory or on a server. */
public interface BankOperations {

    /** Opens an account and returns its id. */
    UUID open(String fullName, String emailAddress);

    void deposit(UUID account, BigDecimal amount);

    void close(UUID account);

    /** Requests a transfer, which must be accepted, and returns its id. */
    UUID requestTransfer(UUID from, UUID to, BigDecimal amount);

    /** The transfer's status, followed by {@code ": "} and the reason when it was rejected. */
    String outcome(UUID transfer);

    BigDecimal balance(UUID account);
}
