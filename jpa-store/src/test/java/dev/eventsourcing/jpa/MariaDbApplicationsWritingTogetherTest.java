package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbApplicationsWritingTogetherTest extends ApplicationsWritingTogetherTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
