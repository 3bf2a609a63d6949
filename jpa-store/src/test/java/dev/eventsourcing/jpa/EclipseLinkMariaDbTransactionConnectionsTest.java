package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class EclipseLinkMariaDbTransactionConnectionsTest extends TransactionConnectionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
