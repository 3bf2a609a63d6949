package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class EclipseLinkH2TransactionConnectionsTest extends TransactionConnectionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
