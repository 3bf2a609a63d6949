package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.cdi.EventStoreContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Hands the event store the entity manager of the courses' persistence unit, so that appends
 * join the transactions of {@link Decisions} on every server.
 */
@ApplicationScoped
public class EventStorePersistence {

    @Produces
    @EventStoreContext
    @PersistenceContext(unitName = "courses")
    EntityManager eventStore;
}
