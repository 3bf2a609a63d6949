package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2DeleteAllRowsTest extends DeleteAllRowsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
