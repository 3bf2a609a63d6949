package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresNativeNotificationPagesTest extends NativeNotificationPagesTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
