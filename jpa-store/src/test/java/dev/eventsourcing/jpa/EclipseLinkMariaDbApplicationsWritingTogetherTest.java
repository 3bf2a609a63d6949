package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class EclipseLinkMariaDbApplicationsWritingTogetherTest extends ApplicationsWritingTogetherTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
