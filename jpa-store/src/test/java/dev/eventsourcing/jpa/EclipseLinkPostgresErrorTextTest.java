package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

class EclipseLinkPostgresErrorTextTest extends ErrorTextTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
