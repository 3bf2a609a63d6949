package dev.eventsourcing.application.bank;

import java.util.UUID;

/** A command was sent to an account that is closed. */
public class AccountClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccountClosedException(UUID id) {
        super("Account " + id + " is closed");
    }
}
