package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.EventStoreContext;
import dev.eventsourcing.jpa.ContainerTransactions;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaApplicationRecorder;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaSettings;
import dev.eventsourcing.persistence.Infrastructure;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JPA infrastructure of a deployment ({@code eventsourcing.persistence.module=jpa}).
 *
 * <p>In a container: the container's transaction-scoped entity manager (the one the deployment
 * produces with {@link EventStoreContext}, or else the one the extension had injected, see
 * {@link JpaWiring}) with the container's JTA transactions; the database is recognised and the
 * tables created here once. In Java SE (RESOURCE_LOCAL, when the container injected no entity
 * manager, or {@code jpa.transactions=resource-local}): jpa-store opens the persistence unit from
 * the settings itself, as it does for any Java SE application.
 */
final class ContainerJpa {

    private static final String USER_TRANSACTION = "java:comp/UserTransaction";

    private ContainerJpa() {
    }

    /**
     * The infrastructure that makes each application's and reader's JPA recorders.
     *
     * @throws ConfigurationException when a setting is not understood or the unit is missing
     */
    static Infrastructure open(Settings settings, List<Bean<?>> eventStoreContexts, BeanManager beanManager) {
        JpaSettings jpa = JpaSettings.of(settings);
        Optional<Boolean> asked = jpa.jta();
        EntityManager containerManaged = asked.equals(Optional.of(false)) ? null : containerEntityManager(eventStoreContexts, beanManager);
        if (asked.equals(Optional.of(true)) && containerManaged == null) {
            throw new ConfigurationException("Setting '" + JpaSettings.TRANSACTIONS + "' is 'jta', but the container"
                    + " injected no entity manager for the event store; is there a JTA persistence unit, and is setting '"
                    + JpaSettings.PERSISTENCE_UNIT + "' its name? Or produce it:"
                    + " @Produces @EventStoreContext @PersistenceContext EntityManager");
        }
        if (containerManaged == null) {
            return JpaInfrastructureFactory::fromSettings;
        }
        ContainerTransactions transactions = new ContainerTransactions(containerManaged,
                lookup(JpaWiring.SYNCHRONIZATION_REGISTRY, TransactionSynchronizationRegistry.class),
                lookup(USER_TRANSACTION, UserTransaction.class));
        DatabaseStrategy database = jpa.database(transactions.required());
        if (jpa.createTables()) {
            JpaSchema.createTables(transactions.required(), database);
        }
        return (name, scoped) -> {
            // Joined recorders do not register their application themselves; do it now, in a
            // transaction of its own, ahead of concurrent first writers.
            new JpaApplicationRecorder(name, transactions.required(), database).register();
            return new JpaInfrastructureFactory(name, scoped, transactions.required(), database, transactions);
        };
    }

    // The deployment's own producer first (portable everywhere), then the extension's holder. The
    // producer is referenced through its bean, not looked up by type: on Payara the extension's
    // bean manager does not see the beans of WEB-INF/classes, so a lookup finds nothing there.
    private static EntityManager containerEntityManager(List<Bean<?>> eventStoreContexts, BeanManager beanManager) {
        if (eventStoreContexts.size() > 1) {
            throw new ConfigurationException("The deployment has " + eventStoreContexts.size() + " @EventStoreContext"
                    + " entity managers, one is needed: " + eventStoreContexts);
        }
        if (eventStoreContexts.size() == 1) {
            Bean<?> bean = eventStoreContexts.get(0);
            return (EntityManager) beanManager.getReference(bean, EntityManager.class, beanManager.createCreationalContext(bean));
        }
        var holder = beanManager.createInstance().select(ContainerPersistence.class);
        return holder.isResolvable() ? holder.get().entityManager() : null;
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException e) {
            throw new ConfigurationException("JTA transactions need " + name + " in JNDI: " + e.getMessage(), e);
        }
    }
}
