package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2DcbRecorderTest extends JpaDcbRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
