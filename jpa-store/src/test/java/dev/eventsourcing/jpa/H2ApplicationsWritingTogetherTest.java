package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class H2ApplicationsWritingTogetherTest extends ApplicationsWritingTogetherTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
