package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkMariaDbTrackingRecorderTest extends TrackingRecorderTestCase<JpaTrackingRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaTrackingRecorder createRecorder() {
        return DATABASE.trackingRecorder();
    }
}
