package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The subject-key contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2SubjectKeyRecorderTest extends JpaSubjectKeyRecorderTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
