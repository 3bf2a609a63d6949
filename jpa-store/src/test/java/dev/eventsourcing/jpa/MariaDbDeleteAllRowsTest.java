package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbDeleteAllRowsTest extends DeleteAllRowsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
