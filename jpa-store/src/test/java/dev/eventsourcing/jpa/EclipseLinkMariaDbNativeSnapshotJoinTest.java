package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbNativeSnapshotJoinTest extends NativeSnapshotJoinTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
