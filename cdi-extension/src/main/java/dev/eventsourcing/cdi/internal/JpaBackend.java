package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.cdi.EventStoreContext;
import dev.eventsourcing.jpa.DatabaseStrategy;
import dev.eventsourcing.jpa.JpaApplicationRecorder;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import dev.eventsourcing.jpa.JpaSchema;
import dev.eventsourcing.jpa.JpaTrackingRecorder;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.TrackingRecorder;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Persistence;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The JPA backend: every application's recorders (jpa-store's {@link JpaInfrastructureFactory},
 * with the extension's transactions) and every projection's tracking recorder in one persistence
 * unit. Loaded only when {@code eventsourcing.persistence.module=jpa}.
 *
 * <p>In a container (JTA), the unit is the container's transaction-scoped entity manager: the one
 * the deployment produces with {@link EventStoreContext}, or else the one the extension has
 * injected (see {@link JpaWiring}); JTA is chosen when there is one, unless
 * {@code jpa.transactions} says otherwise. In Java SE (RESOURCE_LOCAL), the extension opens the unit
 * itself with {@code Persistence.createEntityManagerFactory} and closes it at shutdown. The
 * database is named by {@code jpa.database} or recognised from the JDBC URL or the server; the
 * tables are created at start-up unless {@code jpa.create-tables=false}.
 */
final class JpaBackend implements Backend {

    private final JpaUnit unit;
    private final DatabaseStrategy database;
    private final BoundTransactions bound;

    private JpaBackend(JpaUnit unit, DatabaseStrategy database) {
        this.unit = unit;
        this.database = database;
        this.bound = new BoundTransactions(unit.transactions());
    }

    /**
     * Opens or joins the persistence unit and prepares the tables.
     *
     * @throws ConfigurationException when a setting is not understood or the unit is missing
     */
    static Backend create(Settings settings, Options options, List<Bean<?>> eventStoreContexts, BeanManager beanManager) {
        Boolean asked = JpaWiring.jta(settings);
        EntityManager containerManaged = Boolean.FALSE.equals(asked) ? null : containerEntityManager(eventStoreContexts, beanManager);
        boolean jta = asked != null ? asked : containerManaged != null;
        if (jta && containerManaged == null) {
            throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + JpaWiring.TRANSACTIONS + "' is 'jta',"
                    + " but the container injected no entity manager for the event store; is there a JTA persistence unit,"
                    + " and is setting '" + ConfigSettings.PREFIX + JpaWiring.PERSISTENCE_UNIT + "' its name? Or produce it:"
                    + " @Produces @EventStoreContext @PersistenceContext EntityManager");
        }
        if (jta && options.synchronous()) {
            throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + Options.DISPATCH
                    + "' cannot be 'sync' with JTA transactions: projections run after commit, in transactions of their own");
        }
        JpaUnit unit = jta ? jtaUnit(containerManaged) : resourceLocalUnit(settings);
        try {
            DatabaseStrategy database = database(settings, unit);
            if (settings.getBoolean(JpaWiring.CREATE_TABLES, true)) {
                JpaSchema.createTables(unit.transactions(), database);
            }
            return new JpaBackend(unit, database);
        } catch (RuntimeException | Error e) {
            unit.close();
            throw e;
        }
    }

    private static JpaUnit resourceLocalUnit(Settings settings) {
        String name = settings.get(JpaWiring.PERSISTENCE_UNIT).map(String::trim).orElse(JpaWiring.DEFAULT_UNIT);
        Map<String, String> properties = new HashMap<>();
        settings.get(JpaWiring.URL).ifPresent(url -> properties.put("jakarta.persistence.jdbc.url", url));
        settings.get(JpaWiring.USER).ifPresent(user -> properties.put("jakarta.persistence.jdbc.user", user));
        // An empty password cannot be given as a value (it reads as unset): a user without one.
        settings.get(JpaWiring.USER).ifPresent(user -> properties.put("jakarta.persistence.jdbc.password",
                settings.get(JpaWiring.PASSWORD).orElse("")));
        try {
            return new ResourceLocalUnit(Persistence.createEntityManagerFactory(name, properties));
        } catch (RuntimeException e) {
            throw new ConfigurationException("Cannot open persistence unit '" + name + "' (setting '" + ConfigSettings.PREFIX
                    + JpaWiring.PERSISTENCE_UNIT + "'): " + e.getMessage(), e);
        }
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

    private static JpaUnit jtaUnit(EntityManager em) {
        return new JtaUnit(em, lookup(JpaWiring.SYNCHRONIZATION_REGISTRY, TransactionSynchronizationRegistry.class),
                lookup("java:comp/UserTransaction", UserTransaction.class));
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException e) {
            throw new ConfigurationException("JTA transactions need " + name + " in JNDI: " + e.getMessage(), e);
        }
    }

    private static DatabaseStrategy database(Settings settings, JpaUnit unit) {
        String name = settings.get(JpaWiring.DATABASE).map(String::trim).orElseGet(() -> detect(unit));
        try {
            return DatabaseStrategy.named(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + JpaWiring.DATABASE + "': " + e.getMessage(), e);
        }
    }

    // The JDBC URL when the unit reports one (Java SE); otherwise ask the server which schemas it
    // has, with a query that each of the databases answers without an error (a failing probe
    // would be logged as an error by the provider): only PostgreSQL has pg_catalog; MariaDB and
    // PostgreSQL name the standard schema in lower case, H2 in upper case.
    private static String detect(JpaUnit unit) {
        String url = unit.inNewTransaction(unit::jdbcUrl);
        if (url != null) {
            String lower = url.toLowerCase(Locale.ROOT);
            for (String database : new String[] {"postgresql", "mariadb", "mysql", "h2"}) {
                if (lower.startsWith("jdbc:" + database + ":")) {
                    return database;
                }
            }
        }
        try {
            if (hasSchema(unit, "pg_catalog")) {
                return "postgresql";
            }
            if (hasSchema(unit, "information_schema")) {
                Object version = unit.inNewTransaction(em -> em.createNativeQuery("SELECT VERSION()").getSingleResult());
                if (String.valueOf(version).toLowerCase(Locale.ROOT).contains("mariadb")) {
                    return "mariadb";
                }
            } else if (hasSchema(unit, "INFORMATION_SCHEMA")) {
                return "h2";
            }
        } catch (RuntimeException unknown) {
            // reported below
        }
        throw new ConfigurationException("Cannot tell which database the event store runs on; set '"
                + ConfigSettings.PREFIX + JpaWiring.DATABASE + "' to postgresql, mariadb or h2");
    }

    private static boolean hasSchema(JpaUnit unit, String name) {
        Object count = unit.inNewTransaction(em -> em.createNativeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'").getSingleResult());
        return ((Number) count).longValue() > 0;
    }

    @Override
    public InfrastructureFactory factory(String applicationName, Settings settings) {
        if (!unit.transactions().ownsTransactions()) {
            // Joined (JTA) recorders do not register their application themselves; do it now, in
            // a transaction of its own, ahead of concurrent first writers.
            new JpaApplicationRecorder(applicationName, unit.transactions(), database).register();
        }
        return new JpaInfrastructureFactory(applicationName, settings, unit.transactions(), database);
    }

    @Override
    public TrackingRecorder trackingRecorder(String projectionName) {
        return new JpaTrackingRecorder(projectionName, bound);
    }

    @Override
    public DispatchTransactions transactions() {
        return work -> unit.inNewTransaction(em -> bound.bound(em, work::apply));
    }

    @Override
    public boolean inTransaction() {
        return unit.inTransaction();
    }

    @Override
    public void afterCommit(Runnable action) {
        unit.afterCommit(action);
    }

    @Override
    public void close() {
        unit.close();
    }
}
