package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Crypto-shredding on Postgres. */
class PostgresShreddingTest extends JpaShreddingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
