package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSubjectKeyRecorderTest extends JpaSubjectKeyRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
