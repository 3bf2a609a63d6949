package dev.eventsourcing.example.ledger;

import dev.eventsourcing.cdi.EventStoreContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Hands the event store the entity manager of the ledger's persistence unit. */
@ApplicationScoped
public class LedgerPersistence {

    @Produces
    @EventStoreContext
    @PersistenceContext(unitName = "ledger")
    EntityManager eventStore;
}
