package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.system.SystemTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transfers system on the JPA store, ending as it does on the in-memory store. */
class H2SystemTest extends SystemTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
