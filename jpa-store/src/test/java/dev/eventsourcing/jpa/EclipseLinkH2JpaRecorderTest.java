package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA recorders' own behaviour on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2JpaRecorderTest extends JpaRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
