package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tracking recorder contract with a row per recorded position. */
class MariaDbMultiRowTrackingRecorderTest extends TrackingRecorderTestCase<JpaTrackingRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected JpaTrackingRecorder createRecorder() {
        return DATABASE.trackingRecorder(TestDatabase.uniqueName("projection"), false);
    }
}
