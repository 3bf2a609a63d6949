package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresDcbRecorderTest extends JpaDcbRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
