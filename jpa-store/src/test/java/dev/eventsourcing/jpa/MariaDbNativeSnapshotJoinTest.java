package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbNativeSnapshotJoinTest extends NativeSnapshotJoinTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
