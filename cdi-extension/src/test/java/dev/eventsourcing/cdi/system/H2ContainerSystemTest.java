package dev.eventsourcing.cdi.system;

import dev.eventsourcing.cdi.support.TestDatabase;

class H2ContainerSystemTest extends ContainerSystemTestCase {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
