package dev.eventsourcing.cdi.system;

import dev.eventsourcing.cdi.support.TestDatabase;

class PostgresRemoteProjectionTest extends RemoteProjectionTestCase {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgresql();
    }
}
