package dev.eventsourcing.cdi.system;

import dev.eventsourcing.cdi.support.TestDatabase;

class PostgresContainerSystemTest extends ContainerSystemTestCase {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgresql();
    }
}
