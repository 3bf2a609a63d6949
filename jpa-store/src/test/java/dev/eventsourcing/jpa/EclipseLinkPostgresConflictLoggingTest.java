package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Conflicts on EclipseLink (Payara's JPA provider), whose log must stay quiet too. */
class EclipseLinkPostgresConflictLoggingTest extends ConflictLoggingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
