package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.TrackingRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ProcessRecorderTrackingTest extends TrackingRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.processRecorder();
    }
}
