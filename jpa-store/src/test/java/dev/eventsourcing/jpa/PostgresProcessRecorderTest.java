package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.ProcessRecorderTestCase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProcessRecorderTest extends ProcessRecorderTestCase<JpaProcessRecorder> {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgresql();

    @Override
    protected JpaProcessRecorder createRecorder() {
        return DATABASE.processRecorder();
    }
}
