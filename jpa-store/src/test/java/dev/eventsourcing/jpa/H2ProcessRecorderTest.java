package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProcessRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ProcessRecorderTest extends ProcessRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.processRecorder();
    }
}
