package dev.eventsourcing.jpa;

import dev.eventsourcing.Settings;
import dev.eventsourcing.application.EncryptionTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Encrypted state bound to its event, and re-encrypted after a key rotation, on the JPA module. */
class MariaDbEncryptionTest extends EncryptionTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected Settings backendSettings() {
        return DATABASE.freshStoreSettings();
    }
}
