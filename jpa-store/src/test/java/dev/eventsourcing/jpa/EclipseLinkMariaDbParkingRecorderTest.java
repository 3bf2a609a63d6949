package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The parking contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbParkingRecorderTest extends ConcurrentParkingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
