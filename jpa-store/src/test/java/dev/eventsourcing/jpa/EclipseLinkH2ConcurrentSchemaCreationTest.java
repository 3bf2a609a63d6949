package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes racing to create the tables, on EclipseLink (Payara's JPA provider). */
class EclipseLinkH2ConcurrentSchemaCreationTest extends ConcurrentSchemaCreationTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
