package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.dcb.application.DcbApplicationTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DCB application contract on the JPA module, each test with a fresh store. */
class PostgresDcbApplicationTest extends DcbApplicationTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
