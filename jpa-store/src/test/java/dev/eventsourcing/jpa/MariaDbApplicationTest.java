package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.ApplicationTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bank accounts scenario on the JPA module, each test with a fresh store. */
class MariaDbApplicationTest extends ApplicationTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
