package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA recorders' own behaviour on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresJpaRecorderTest extends JpaRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
