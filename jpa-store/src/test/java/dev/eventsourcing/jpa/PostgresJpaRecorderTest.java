package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresJpaRecorderTest extends JpaRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
