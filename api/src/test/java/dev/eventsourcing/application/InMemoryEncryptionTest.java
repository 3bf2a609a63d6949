package dev.eventsourcing.application;

import dev.eventsourcing.Settings;

/** Encrypted state bound to its event, on the in-memory backend. */
class InMemoryEncryptionTest extends EncryptionTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }
}
