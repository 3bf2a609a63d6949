package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.jpa.JpaInfrastructureFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

import java.util.Locale;

/**
 * What the extension adds to jpa-store's settings (see {@link JpaInfrastructureFactory} for the
 * keys): whether the container's JTA transactions are used ({@value #TRANSACTIONS}), and the
 * container bean that brings the container's entity manager. Only string settings and JNDI
 * names here, so that this class loads without JPA on the class path.
 */
public final class JpaWiring {

    /** {@code jta} (container-managed) or {@code resource-local}; default: jta when the container injects an entity manager. */
    static final String TRANSACTIONS = "jpa.transactions";
    static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private JpaWiring() {
    }

    /**
     * Adds the holder of the container's entity manager when the JPA backend may run on JTA. Whether
     * it does is decided at start-up: when the container injected the entity manager (Java SE
     * leaves {@code @PersistenceContext} alone), unless {@value #TRANSACTIONS} says otherwise. A
     * bad setting adds nothing here: it is reported with the other problems once discovery is over.
     */
    public static void addContainerBeans(BeforeBeanDiscovery event, Settings settings) {
        boolean jpa = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).filter("jpa"::equals).isPresent();
        try {
            if (!jpa || Boolean.FALSE.equals(jta(settings))) {
                return;
            }
        } catch (ConfigurationException reportedLater) {
            return;
        }
        String unit = settings.get(JpaInfrastructureFactory.PERSISTENCE_UNIT).map(String::trim).orElse("");
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
            default -> throw new ConfigurationException("Setting '" + TRANSACTIONS
                    + "' must be 'jta' or 'resource-local', was '" + value + "'");
        };
    }
}
