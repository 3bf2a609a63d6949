package dev.eventsourcing.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On EclipseLink (Payara's JPA provider). */
class EclipseLinkH2NativeSnapshotJoinTest extends NativeSnapshotJoinTestCase {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2().on(TestDatabase.ECLIPSELINK);

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}
