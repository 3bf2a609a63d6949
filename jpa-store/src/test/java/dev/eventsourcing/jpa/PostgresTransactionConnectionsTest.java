package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTransactionConnectionsTest extends TransactionConnectionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
