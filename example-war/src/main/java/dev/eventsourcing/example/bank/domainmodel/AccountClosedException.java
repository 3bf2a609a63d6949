package dev.eventsourcing.example.bank.domainmodel;

import java.util.UUID;

/** The account is closed and accepts no more commands. */
public class AccountClosedException extends AccountException {
    private static final long serialVersionUID = 1L;

    public AccountClosedException(UUID accountId) {
        super(accountId, "Account " + accountId + " is closed");
    }
}
