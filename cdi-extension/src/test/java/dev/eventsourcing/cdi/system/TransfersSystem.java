package dev.eventsourcing.cdi.system;

import dev.eventsourcing.system.ApplicationSystem;
import dev.eventsourcing.system.transfers.Accounts;
import dev.eventsourcing.system.transfers.Transfers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The transfers system as a deployment defines it: accounts follow transfers, and transfers follow accounts. */
@ApplicationScoped
public class TransfersSystem {

    /** The bean classes of a deployment of the system. */
    static final Class<?>[] BEAN_CLASSES = {TransfersSystem.class, Accounts.class, Transfers.class};

    @Produces
    ApplicationSystem system = ApplicationSystem.builder()
            .pipe(Transfers.class, Accounts.class, Transfers.class)
            .build();
}
