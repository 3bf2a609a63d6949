package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbThreadBoundTransactionsTest extends ThreadBoundTransactionsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
