package dev.eventsourcing.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Entity manager factories shared by the applications of one process that name the same
 * persistence unit and properties: bootstrapping a provider is slow and each factory holds a
 * connection pool, so one is made per configuration and closed when its last user releases it.
 */
final class SharedEntityManagerFactories {

    private record Key(String unit, Map<String, String> properties) {
    }

    private static final class Shared {
        final EntityManagerFactory factory;
        int users;

        Shared(EntityManagerFactory factory) {
            this.factory = factory;
        }
    }

    private static final Map<Key, Shared> FACTORIES = new HashMap<>();

    private SharedEntityManagerFactories() {
    }

    /**
     * The factory of the unit the settings name, connecting as they say, made on first use
     * ({@link JpaSettings#openUnit()}); release it when done.
     *
     * @throws dev.eventsourcing.ConfigurationException when the unit cannot be started
     */
    static synchronized EntityManagerFactory acquire(JpaSettings settings) {
        Shared shared = FACTORIES.computeIfAbsent(new Key(settings.persistenceUnit(), settings.connectionProperties()),
                key -> new Shared(settings.openUnit()));
        shared.users++;
        return shared.factory;
    }

    /** Gives a factory back; the last user's release closes it. */
    static synchronized void release(EntityManagerFactory factory) {
        FACTORIES.entrySet().removeIf(entry -> {
            Shared shared = entry.getValue();
            if (shared.factory != factory || --shared.users > 0) {
                return false;
            }
            PostgresPush.closing(factory);
            factory.close();
            return true;
        });
    }
}
