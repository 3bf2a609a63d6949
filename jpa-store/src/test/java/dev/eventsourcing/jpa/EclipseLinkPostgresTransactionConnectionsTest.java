package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class EclipseLinkPostgresTransactionConnectionsTest extends TransactionConnectionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
