package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresNativeNotificationPagesTest extends NativeNotificationPagesTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
