package dev.eventsourcing.system;

import dev.eventsourcing.Settings;

/** The transfers system on the in-memory store against itself: the workload is deterministic. */
class InMemorySystemTest extends SystemTestCase {

    @Override
    protected Settings backendSettings() {
        return Settings.empty();
    }
}
