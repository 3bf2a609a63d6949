package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2NativeSnapshotJoinTest extends NativeSnapshotJoinTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
