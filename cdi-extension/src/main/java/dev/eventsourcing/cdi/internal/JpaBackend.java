package dev.eventsourcing.cdi.internal;

import dev.eventsourcing.Settings;

/** The JPA backend (to come). */
final class JpaBackend {

    private JpaBackend() {
    }

    static Backend create(Settings settings) {
        throw new dev.eventsourcing.ConfigurationException("JPA is not wired yet");
    }
}
