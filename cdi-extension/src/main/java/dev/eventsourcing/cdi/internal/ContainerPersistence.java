package dev.eventsourcing.cdi.internal;

import jakarta.persistence.EntityManager;

/**
 * Holds the container-managed entity manager of the event store's persistence unit. The
 * extension adds this class as a bean only for JPA with JTA transactions, and puts
 * {@code @PersistenceContext(unitName = <jpa.persistence-unit>)} on the field then, so that the
 * unit's name can come from configuration. WildFly injects it; Payara does not (it injects only
 * what its own class-file scan or a descriptor declares), which is why an
 * {@link dev.eventsourcing.cdi.EventStoreContext} producer takes precedence.
 */
public class ContainerPersistence {

    EntityManager entityManager;

    public ContainerPersistence() {
    }

    /** The transaction-scoped entity manager, or {@code null} when the container injected none. */
    public EntityManager entityManager() {
        return entityManager;
    }
}
