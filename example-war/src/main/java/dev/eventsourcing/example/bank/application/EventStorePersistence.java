package dev.eventsourcing.example.bank.application;

import dev.eventsourcing.cdi.EventStoreContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Hands the event store the entity manager of the bank's persistence unit, so that events and
 * the read model share one unit and one transaction on every server.
 */
@ApplicationScoped
public class EventStorePersistence {

    @Produces
    @EventStoreContext
    @PersistenceContext(unitName = "bank")
    EntityManager eventStore;
}
