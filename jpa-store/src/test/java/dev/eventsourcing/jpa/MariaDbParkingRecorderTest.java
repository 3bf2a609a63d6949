package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbParkingRecorderTest extends ConcurrentParkingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
