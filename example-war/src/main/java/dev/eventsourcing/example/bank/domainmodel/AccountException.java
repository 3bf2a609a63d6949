package dev.eventsourcing.example.bank.domainmodel;

import java.util.UUID;

/** A command that the account's rules refuse; the account is left unchanged. */
public abstract class AccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final UUID accountId;

    protected AccountException(UUID accountId, String message) {
        super(message);
        this.accountId = accountId;
    }

    /** The account that refused the command. */
    public UUID accountId() {
        return accountId;
    }
}
