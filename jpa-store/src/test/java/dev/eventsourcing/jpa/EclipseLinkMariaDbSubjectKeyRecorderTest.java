package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The subject-key contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbSubjectKeyRecorderTest extends JpaSubjectKeyRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
