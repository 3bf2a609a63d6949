package dev.eventsourcing.application;

import dev.eventsourcing.Settings;

/** The application contract on the in-memory backend. */
class InMemoryApplicationTest extends ApplicationTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }
}
