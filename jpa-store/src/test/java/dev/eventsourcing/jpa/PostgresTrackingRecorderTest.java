package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTrackingRecorderTest extends TrackingRecorderTestCase<JpaTrackingRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected JpaTrackingRecorder createRecorder() {
        return DATABASE.trackingRecorder();
    }
}
