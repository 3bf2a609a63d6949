package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Conflicts on EclipseLink (Payara's JPA provider), whose log must stay quiet too. */
class EclipseLinkH2ConflictLoggingTest extends ConflictLoggingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
