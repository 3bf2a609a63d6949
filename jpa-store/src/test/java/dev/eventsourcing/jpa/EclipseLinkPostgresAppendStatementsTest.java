package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresAppendStatementsTest extends PostgresAppendStatementsTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
