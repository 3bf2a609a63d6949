package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/** Container beans for the JPA backend (to come). */
final class JpaWiring {

    private JpaWiring() {
    }

    static void addContainerBeans(BeforeBeanDiscovery event, Settings settings) {
    }
}
