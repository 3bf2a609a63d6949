package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Invariant 3 on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresNotificationOrderingTest extends NotificationOrderingTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
