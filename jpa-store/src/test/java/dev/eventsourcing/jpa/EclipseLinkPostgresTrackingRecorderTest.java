package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on EclipseLink (Payara's JPA provider). */
class EclipseLinkPostgresTrackingRecorderTest extends TrackingRecorderTestCase<JpaTrackingRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql().on(TestDatabase.ECLIPSELINK);

    @Override
    protected JpaTrackingRecorder createRecorder() {
        return DATABASE.trackingRecorder();
    }
}
