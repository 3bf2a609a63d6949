package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Crypto-shredding on MariaDb. */
class MariaDbShreddingTest extends JpaShreddingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
