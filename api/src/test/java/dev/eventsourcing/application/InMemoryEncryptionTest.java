package dev.eventsourcing.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.system.fixtures.SharedInMemory;

/** Encrypted state bound to its event, and re-encrypted after a key rotation, on the in-memory backend. */
class InMemoryEncryptionTest extends EncryptionTestCase {

    // One in-memory store per call, shared by the applications made with the same settings.
    @Override
    protected Settings backendSettings() {
        return Environment.of(Settings.empty(), new SharedInMemory());
    }
}
