package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The parking contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresParkingRecorderTest extends ConcurrentParkingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
