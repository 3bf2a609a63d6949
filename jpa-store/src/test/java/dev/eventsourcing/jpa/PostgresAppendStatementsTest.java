package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On Hibernate. */
class PostgresAppendStatementsTest extends PostgresAppendStatementsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
