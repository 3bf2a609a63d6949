package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes racing to create the tables, on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresConcurrentSchemaCreationTest extends LockedSchemaCreationTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
