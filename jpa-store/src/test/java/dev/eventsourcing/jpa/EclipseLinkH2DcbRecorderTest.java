package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The DCB contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2DcbRecorderTest extends JpaDcbRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
