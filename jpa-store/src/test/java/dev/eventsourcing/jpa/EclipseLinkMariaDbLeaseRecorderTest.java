package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The lease contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbLeaseRecorderTest extends JpaLeaseRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
