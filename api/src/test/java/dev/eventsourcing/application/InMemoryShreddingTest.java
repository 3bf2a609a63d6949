package dev.eventsourcing.application;

import dev.eventsourcing.Settings;

/** Crypto-shredding on the in-memory backend. */
class InMemoryShreddingTest extends ShreddingTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }
}
