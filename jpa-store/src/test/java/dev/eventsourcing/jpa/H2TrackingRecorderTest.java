package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2TrackingRecorderTest extends TrackingRecorderTestCase<JpaTrackingRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaTrackingRecorder createRecorder() {
        return DATABASE.trackingRecorder();
    }
}
