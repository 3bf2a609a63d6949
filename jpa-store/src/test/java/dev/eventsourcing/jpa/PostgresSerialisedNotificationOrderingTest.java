package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The same invariant with PostgreSQL's serialised strategy (counter row locked until commit). */
class PostgresSerialisedNotificationOrderingTest extends NotificationOrderingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().with(DatabaseStrategy.postgresqlSerialised());

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
