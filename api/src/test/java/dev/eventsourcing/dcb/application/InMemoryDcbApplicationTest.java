package dev.eventsourcing.dcb.application;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.Environment;
import dev.eventsourcing.system.fixtures.SharedInMemory;

/** The DCB application contract on the in-memory backend. */
class InMemoryDcbApplicationTest extends DcbApplicationTestCase {

    // One in-memory store per call, shared by the applications made on it, as a database is.
    @Override
    protected Settings backendSettings() {
        return Environment.of(Settings.empty(), new SharedInMemory());
    }
}
