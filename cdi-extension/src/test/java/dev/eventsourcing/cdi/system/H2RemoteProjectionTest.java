package dev.eventsourcing.cdi.system;

import dev.eventsourcing.cdi.support.TestDatabase;

class H2RemoteProjectionTest extends RemoteProjectionTestCase {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
