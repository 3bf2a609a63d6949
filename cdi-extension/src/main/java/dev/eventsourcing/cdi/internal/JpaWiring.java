package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.ConfigurationException;
import dev.eventsourcing.Settings;
import dev.eventsourcing.jpa.JpaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

import java.util.Optional;

/**
 * The container bean that brings the container's entity manager to the JPA event store, and the
 * names the extension looks up. JPA classes are loaded only when the backend is JPA, so that this
 * class loads without JPA on the class path.
 */
public final class JpaWiring {

    static final String ENTITY_MANAGER = "jakarta.persistence.EntityManager";
    static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private JpaWiring() {
    }

    /**
     * Adds the holder of the container's entity manager when the JPA backend may run on JTA. Whether
     * it does is decided at start-up: when the container injected the entity manager (Java SE
     * leaves {@code @PersistenceContext} alone), unless {@value JpaSettings#TRANSACTIONS} says otherwise. A
     * bad setting adds nothing here: it is reported with the other problems once discovery is over.
     */
    public static void addContainerBeans(BeforeBeanDiscovery event, Settings settings) {
        boolean jpa = settings.get(Settings.PERSISTENCE_MODULE).map(String::trim).filter("jpa"::equals).isPresent();
        try {
            if (!jpa || JpaSettings.of(settings).jta().equals(Optional.of(false))) {
                return;
            }
        } catch (ConfigurationException reportedLater) {
            return;
        }
        String unit = JpaSettings.of(settings).namedPersistenceUnit().orElse("");
        event.addAnnotatedType(ContainerPersistence.class, ContainerPersistence.class.getName())
                .add(ApplicationScoped.Literal.INSTANCE)
                .filterFields(field -> field.getJavaMember().getName().equals("entityManager"))
                .forEach(field -> field.add(new PersistenceContextLiteral(unit)));
    }
}
