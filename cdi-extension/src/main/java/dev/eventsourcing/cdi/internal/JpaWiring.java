package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

import java.util.Locale;

/**
 * The JPA settings (keys below; prefix them with {@code eventsourcing.} in MicroProfile Config),
 * and the container bean that brings the container's entity manager. Only string settings and
 * JNDI here, so that this class loads without JPA on the class path.
 *
 * <table>
 * <caption>JPA settings</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>{@value #PERSISTENCE_UNIT}</td><td>the persistence unit of the event store</td>
 *     <td>in a container, the deployment's only unit; in Java SE, {@value #DEFAULT_UNIT}</td></tr>
 * <tr><td>{@value #TRANSACTIONS}</td><td>{@code jta} (container-managed) or {@code resource-local}</td>
 *     <td>{@code jta} when the container injects a {@code @PersistenceContext}, else {@code resource-local}</td></tr>
 * <tr><td>{@value #DATABASE}</td><td>{@code postgresql}, {@code postgresql-serialised}, {@code mariadb}
 *     or {@code h2}</td><td>recognised from the JDBC URL or the server</td></tr>
 * <tr><td>{@value #CREATE_TABLES}</td><td>run the DDL script (idempotent) at start-up</td><td>{@code true}</td></tr>
 * <tr><td>{@value #URL}, {@value #USER}, {@value #PASSWORD}</td><td>Java SE only: the JDBC connection,
 *     instead of the unit's own</td><td>the unit's</td></tr>
 * </table>
 */
final class JpaWiring {

    static final String PERSISTENCE_UNIT = "jpa.persistence-unit";
    static final String TRANSACTIONS = "jpa.transactions";
    static final String DATABASE = "jpa.database";
    static final String CREATE_TABLES = "jpa.create-tables";
    static final String URL = "jpa.url";
    static final String USER = "jpa.user";
    static final String PASSWORD = "jpa.password";
    static final String DEFAULT_UNIT = "eventsourcing";
    static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private JpaWiring() {
    }

    /**
     * Adds the holder of the container's entity manager when the JPA backend may run on JTA. Whether
     * it does is decided at start-up: when the container injected the entity manager (Java SE
     * leaves {@code @PersistenceContext} alone), unless {@value #TRANSACTIONS} says otherwise.
     */
    static void addContainerBeans(BeforeBeanDiscovery event, Settings settings) {
        boolean jpa = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).filter("jpa"::equals).isPresent();
        if (!jpa || Boolean.FALSE.equals(jta(settings))) {
            return;
        }
        String unit = settings.get(PERSISTENCE_UNIT).map(String::trim).orElse("");
        event.addAnnotatedType(ContainerPersistence.class, ContainerPersistence.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE)
                .filterFields(field -> field.getJavaMember().getName().equals("entityManager"))
                .forEach(field -> field.add(new PersistenceContextLiteral(unit)));
    }

    /**
     * Whether the settings ask for container-managed (JTA) transactions: true, false, or
     * {@code null} when they leave it to the environment.
     *
     * @throws ConfigurationException when {@value #TRANSACTIONS} is neither {@code jta} nor {@code resource-local}
     */
    static Boolean jta(Settings settings) {
        String value = settings.get(TRANSACTIONS).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(null);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "jta" -> true;
            case "resource-local", "resource_local" -> false;
            default -> throw new ConfigurationException("Setting '" + ConfigSettings.PREFIX + TRANSACTIONS
                    + "' must be 'jta' or 'resource-local', was '" + value + "'");
        };
    }
}
