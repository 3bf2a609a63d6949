package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.system.ApplicationSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The deployment's system of applications: the bank follows the transfers (to settle each
 * request) and the transfers follow the bank (to record each outcome). The event sourcing
 * extension runs the followers in the container; tests run the same system single-threaded in
 * memory with {@link #SYSTEM}.
 */
@ApplicationScoped
public class BankSystem {

    /** Transfers → Bank → Transfers. */
    public static final ApplicationSystem SYSTEM = ApplicationSystem.builder()
            .pipe(Transfers.class, Bank.class, Transfers.class)
            .build();

    @Produces
    ApplicationSystem system() {
        return SYSTEM;
    }
}
