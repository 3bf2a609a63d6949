package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Crypto-shredding on H2. */
class H2ShreddingTest extends JpaShreddingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
