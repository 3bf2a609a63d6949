package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresNativeSnapshotJoinTest extends NativeSnapshotJoinTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
