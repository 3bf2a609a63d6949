package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbProcessRecorderTrackingTest extends TrackingRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.mariadb();

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.processRecorder();
    }
}
